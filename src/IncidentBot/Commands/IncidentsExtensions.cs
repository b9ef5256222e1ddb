using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace IncidentBot.Commands;

public static class IncidentsExtensions
{
    /// <summary>
    /// The incident domain's configuration, the templates, the stores and the <c>/incident</c> command mechanism (router,
    /// actions); each folder adds its own verbs.
    /// </summary>
    public static IHostApplicationBuilder AddIncidents(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<IncidentsOptions>().BindConfiguration(IncidentsOptions.Section)
            .PostConfigure(o =>
            {
                o.Severities = o.Severities.Count == 0 ? [.. SeverityScheme.Defaults] : SeverityScheme.Filled(o.Severities);

                if (o.DefaultSeverity.Length == 0)
                {
                    o.DefaultSeverity = o.Severities[Math.Min(2, o.Severities.Count - 1)].Name;
                }
            })
            .Validate(o => o.Severities.Any(s => string.Equals(s.Name, o.DefaultSeverity, StringComparison.OrdinalIgnoreCase) || s.Aliases.Contains(o.DefaultSeverity, StringComparer.OrdinalIgnoreCase)), "Incidents:DefaultSeverity must name one of Incidents:Severities.")
            .Validate(o => o.Severities.All(s => s.Name.Length > 0 && s.UpdateInterval > TimeSpan.Zero), "Every item of Incidents:Severities needs a Name, and an UpdateInterval above zero (the first four take the default levels' when it is unset).")
            .Validate(o => o.ChannelPattern.Contains("{slug}", StringComparison.Ordinal) || o.ChannelPattern.Contains("{id}", StringComparison.Ordinal), "Incidents:ChannelPattern must contain {slug} or {id}.")
            .ValidateOnStart();
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section)
            .PostConfigure<IHostEnvironment>((o, host) => o.TemplatesPath = MessagingOptions.Resolve(o.TemplatesPath, host.ContentRootPath));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<IncidentsOptions>>().Value;
            return new SeverityScheme(o.Severities, o.DefaultSeverity);
        });
        services.AddTemplates(TemplateModels.Samples);
        services.AddSingleton<MessageRenderer>();
        services.AddHostedService<TemplateCheck<MessageRenderer>>();
        services.AddSingleton<IncidentMessages>();

        services.AddSingleton<IncidentActions>();
        services.AddSingleton<ISlashCommandHandler, CommandRouter>();
        return builder;
    }
}
