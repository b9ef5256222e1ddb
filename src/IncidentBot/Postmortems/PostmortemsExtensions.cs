using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Messaging;
using IncidentBot.Outbox;

namespace IncidentBot.Postmortems;

public static class PostmortemsExtensions
{
    /// <summary>
    /// The post-mortem draft (template, upload through the outbox, the read-only endpoint's token) and the
    /// <c>postmortem</c>, <c>action</c> and <c>actions</c> commands. Needs <c>AddStorage</c> and <c>AddIncidents</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPostmortems(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PostmortemOptions>().BindConfiguration(PostmortemOptions.Section)
            .Validate(
                o => o.AccessToken.Length == 0 || (o.AccessToken.Length >= 16 && !o.AccessToken.Any(char.IsWhiteSpace)),
                "Postmortems:AccessToken must be at least 16 characters without spaces, or empty to turn GET /incidents/{id}/postmortem.md off.")
            .ValidateOnStart();
        services.AddTemplates(PostmortemRenderer.TemplateName, PostmortemModel.Samples());
        services.AddSingleton<PostmortemRenderer>();
        services.AddSingleton<PostmortemUploadStore>();
        services.AddHostedService<PostmortemUploadUpgrade>();
        services.AddSingleton<PostmortemUpload>();
        services.AddOutboxStep<UploadPostmortemStep>();
        services.AddSingleton<IDecisionEffects, PostmortemOnResolve>();

        services.AddSingleton<IIncidentCommandHandler, PostmortemHandler>();
        services.AddSingleton<IIncidentCommandHandler, ActionHandler>();
        return builder;
    }
}
