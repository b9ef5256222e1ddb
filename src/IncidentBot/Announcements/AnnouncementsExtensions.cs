using IncidentBot.Changes;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Scheduling;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Announcements;

public static class AnnouncementsExtensions
{
    /// <summary>
    /// The announcements outside the war room: the announcement channel and the stakeholder channels per severity, each
    /// announcement edited and threaded on every change, and marked when an update is overdue. Needs <c>AddIncidents</c>,
    /// <c>AddChanges</c> and <c>AddScheduling</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAnnouncements(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StakeholderChannelsOptions>()
            .Configure<IConfiguration>((o, config) => config.GetSection(StakeholderChannelsOptions.Section).Bind(o.BySeverity))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StakeholderChannelsOptions>, StakeholderChannelsValidator>();
        services.AddTemplates(AnnouncementMessages.Template, AnnouncementTemplates.Announcements());
        services.AddTemplates(AnnouncementMessages.LineTemplate, AnnouncementTemplates.Lines());
        services.AddSingleton<AnnouncementChannels>();
        services.AddSingleton<AnnouncementMessages>();
        services.AddSingleton<IDecisionEffects, AnnouncementEffects>();
        services.AddSingleton<AnnouncementPolicy>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<AnnouncementPolicy>());
        services.AddSingleton<IIncidentChangeListener, DeclaredAnnouncement>();
        services.AddOutboxStep<AnnounceStep>();
        services.AddOutboxStep<RefreshAnnouncementStep>();
        services.AddOutboxStep<AnnouncementLineStep>();
        return builder;
    }
}
