using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// The monitoring alerts of an incident: the keys its sources group by (a PagerDuty incident, an Opsgenie alias, an
/// Alertmanager group), so a repeat of one joins this incident instead of declaring another, and what they said on the timeline.
/// </summary>
public sealed partial class Incident
{
    /// <summary>The keys (<c>source:id</c>) of the alerts that opened or joined the incident.</summary>
    public List<string> AlertKeys { get; private set; } = [];

    public bool HasAlert(string key) => AlertKeys.Contains(key, StringComparer.Ordinal);

    /// <summary>
    /// On a just-declared incident: the alert with <paramref name="key"/> opened it, as <paramref name="text"/> says on
    /// the timeline. When the bot itself declared it, nobody commands and nobody is invited until a person takes command.
    /// </summary>
    public void OpenedByAlert(string key, string text, bool declaredByBot)
    {
        AlertKeys.Add(key);
        if (declaredByBot)
        {
            Roles.Clear();
            Responders.Clear();
        }

        Recorded.Add(new TimelineEntry(DeclaredAt, TimelineKind.Alert, Reporter, text));
    }

    /// <summary>An alert repeated, joined the incident or resolved, as <paramref name="text"/> says; its key links here from now on.</summary>
    public Decision NoteAlert(string key, string text, ResponderId by, Instant now)
    {
        if (IncidentLifecycle.IsFinal(Status))
        {
            return Decision.Refuse(IncidentLifecycle.Refusal(Status, Status)!);
        }

        if (!HasAlert(key))
        {
            AlertKeys.Add(key);
        }

        return Record(new TimelineEntry(now, TimelineKind.Alert, by, text));
    }
}
