using IncidentBot.Incidents;
using IncidentBot.Scheduling;
using IncidentBot.Slack;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Announcements;

/// <summary>
/// Keeps the announcements honest about updates: when an incident's update is overdue by its severity's cadence, its
/// announcements are edited to say so ("last update 47 min ago"), and again every <see cref="Every"/> while it stays
/// overdue, so the figure stays current. Runs on the scheduler's clock; each edit is decided on the incident's latest copy.
/// </summary>
public sealed class AnnouncementPolicy(IIncidentStore store, SeverityScheme scheme, DueWorkRetries retries, IClock clock) : IDueWork
{
    /// <summary>
    /// How often an overdue announcement is edited again: a third of the cadence, between 1 and 15 minutes (every 5 min
    /// for a SEV-1 due every 15 min, every 15 min for a SEV-3 due every 4 h).
    /// </summary>
    public static Duration Every(Severity severity)
    {
        ArgumentNullException.ThrowIfNull(severity);
        var third = severity.UpdateInterval / 3;
        return third < Duration.FromMinutes(1) ? Duration.FromMinutes(1) : third > Duration.FromMinutes(15) ? Duration.FromMinutes(15) : third;
    }

    public async Task<int> SendDueAsync()
    {
        var now = clock.GetCurrentInstant();
        return await retries.EachAsync(nameof(AnnouncementPolicy), Announced().Where(i => Next(i) <= now), async due =>
        {
            var audit = new AuditEntry { At = now, User = DueWorkService.SystemActor, Channel = new SlackChannelId(due.WarRoom.ChannelId ?? ""), IncidentId = due.Id, Command = "announcement overdue", Outcome = "marked" };
            var change = await store.UpdateAsync(due.Id, audit, incident =>
            {
                var severity = scheme.Named(incident.Severity);
                return incident.ShowOverdue(severity, Every(severity), now).Applied
                    ? IncidentChanges.Save(true, OutboxMessage.For(incident.Id, new RefreshAnnouncement(), now).InLane(OutboxMessage.AnnounceLane))
                    : IncidentChanges.Keep(false).Noting("current already");
            }).ConfigureAwait(false);
            return change?.Result == true ? 1 : 0;
        }).ConfigureAwait(false);
    }

    public Instant? NextDue() => retries.Next(nameof(AnnouncementPolicy), Announced().Select(Next).Min());

    private Instant? Next(Incident incident)
    {
        var severity = scheme.Named(incident.Severity);
        return incident.NextOverdueShow(severity, Every(severity));
    }

    private IEnumerable<Incident> Announced() => store.ListOpen().Where(i => !i.IsPrivate && !i.IsDrill && i.Announcements.Count > 0);
}
