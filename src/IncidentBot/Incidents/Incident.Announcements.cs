using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// The announcements of the incident outside its war room: where each was posted (so every change can edit it and add
/// to its thread), and when they last showed an overdue update (so the mark is kept current at a steady pace).
/// </summary>
public sealed partial class Incident
{
    /// <summary>Every channel the incident was announced in, with the announcement's ts, in posting order.</summary>
    public List<AnnouncementPost> Announcements { get; private set; } = [];

    /// <summary>When the announcements were last edited to show the update overdue; null if never.</summary>
    public Instant? OverdueShownAt { get; private set; }

    public AnnouncementPost? AnnouncementIn(string channel) => Announcements.Find(a => a.Channel == channel);

    /// <summary>Records where the announcement was posted; a channel announced in already keeps its first post.</summary>
    public void RecordAnnouncement(string channel, string ts)
    {
        if (AnnouncementIn(channel) is null)
        {
            Announcements.Add(new AnnouncementPost(channel, ts));
        }
    }

    /// <summary>When an update is overdue by <paramref name="severity"/>'s cadence: one interval after the last update.</summary>
    public Instant UpdateOverdueAt(Severity severity)
    {
        ArgumentNullException.ThrowIfNull(severity);
        return LastUpdateAt + severity.UpdateInterval;
    }

    /// <summary>
    /// When the announcements must next be edited to show the update overdue: as it falls overdue, then every
    /// <paramref name="every"/> while it stays so. Null for an incident that is not open or was announced nowhere.
    /// </summary>
    public Instant? NextOverdueShow(Severity severity, Duration every)
    {
        if (!IsOpen || Announcements.Count == 0)
        {
            return null;
        }

        var overdue = UpdateOverdueAt(severity);
        return OverdueShownAt is { } shown && shown >= overdue ? shown + every : overdue;
    }

    /// <summary>The update is overdue and the announcements have not said so lately: they are edited now.</summary>
    public Decision ShowOverdue(Severity severity, Duration every, Instant now)
    {
        if (NextOverdueShow(severity, every) is not { } due || due > now)
        {
            return Decision.Refuse("the announcements are current");
        }

        OverdueShownAt = now;
        return Decision.Apply();
    }
}
