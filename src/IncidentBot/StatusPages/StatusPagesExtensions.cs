using IncidentBot.Commands;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.StatusPages;

public static class StatusPagesExtensions
{
    /// <summary><c>/incident statuspage</c> with its form, and the outbox step that posts the draft.</summary>
    public static IHostApplicationBuilder AddStatusPages(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddTemplates(StatusPageTemplates.Samples);
        services.AddSingleton<StatusPageHandler>();
        services.AddSingleton<IIncidentCommandHandler>(sp => sp.GetRequiredService<StatusPageHandler>());
        services.AddSingleton<IViewSubmissionHandler>(sp => sp.GetRequiredService<StatusPageHandler>());
        services.AddOutboxStep<PostStatusPageStep>();
        return builder;
    }
}
