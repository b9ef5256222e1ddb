using System.Globalization;
using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Acknowledgements;

/// <summary>
/// Who may acknowledge, read inside the write: anyone called in to the incident (by the matrix or by hand), its role
/// holders, anyone in its war room, incident admins, and anyone under the open model; and the answers people get.
/// </summary>
public static class AcknowledgementRules
{
    private static readonly InstantPattern UtcTime = InstantPattern.CreateWithInvariantCulture("HH:mm 'UTC'");

    public static Authorization Acknowledge { get; } = (incident, actor, open) =>
        actor.IsAdmin || incident.MayAcknowledge(actor.Id, actor.InWarRoom, open) ? null : Refusal(incident);

    /// <summary>An alert source's acknowledgement was verified at its endpoint: it speaks for whoever acknowledged there.</summary>
    public static Authorization AlertSource { get; } = (_, _, _) => null;

    /// <summary>Why not, and who can.</summary>
    public static string Refusal(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var commander = incident.Holder(IncidentRole.Commander) is { } c ? SlackText.User(c.Value) : "(nobody commands it yet)";
        return $"Only the people called in to {incident.Id}, its role holders, the people in its war room and incident admins can acknowledge it. Ask its commander {commander} to call you in: `/incident escalate {incident.Id} @you`.";
    }

    /// <summary>Who acknowledged, as people read it: a Slack mention, or the alert source's name for them.</summary>
    public static string Who(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (string.Equals(incident.AcknowledgedVia, Acknowledger.Slack, StringComparison.Ordinal) && incident.AcknowledgedBy is { } user)
        {
            return SlackText.User(user.Value);
        }

        return (incident.AcknowledgedVia, incident.AcknowledgedName) switch
        {
            // Stored before acknowledgements had a source: the commander's first action acknowledged it.
            ("", _) => "its commander",
            (var via, "") => via,
            var (via, name) => $"{name} in {via}",
        };
    }

    /// <summary>The answer to a second acknowledgement: who did, and when, in the reader's own time zone.</summary>
    public static string Already(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return $"{incident.Id} is already acknowledged, by {Who(incident)} at {When(incident)}: nothing to do, thank you.";
    }

    /// <summary>What an escalation DM shows in place of its button once the incident is acknowledged.</summary>
    public static string Acknowledged(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return $"✅ Acknowledged by {Who(incident)} at {When(incident)}";
    }

    /// <summary>When it was acknowledged, in the reader's own time zone.</summary>
    private static string When(Incident incident)
    {
        var at = incident.AcknowledgedAt ?? incident.DeclaredAt;
        return string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{{time}}|{UtcTime.Format(at)}>");
    }

    public static string Done(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var after = SlackText.Duration((incident.AcknowledgedAt ?? incident.DeclaredAt) - incident.DeclaredAt);
        var stops = incident.ResponseTargetMissedAt is null ? " Nobody more is called in for want of an acknowledgement." : "";
        return $"Acknowledged {incident.Id}, {after} after its declaration.{stops}";
    }

    /// <summary>How long after the declaration it was acknowledged.</summary>
    public static Duration After(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return (incident.AcknowledgedAt ?? incident.DeclaredAt) - incident.DeclaredAt;
    }
}
