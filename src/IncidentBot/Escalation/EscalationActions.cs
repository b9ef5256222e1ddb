using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack.Blocks;

namespace IncidentBot.Escalation;

/// <summary>The escalation DM's "Acknowledge" button: its ids, and the DM with the button added.</summary>
public static class EscalationActions
{
    public const string Acknowledge = "escalation_acknowledge";
    public const string BlockId = "escalation_actions";

    /// <summary><paramref name="notice"/> with the button, whose value is the incident's number.</summary>
    public static RenderedMessage WithAcknowledge(RenderedMessage notice, IncidentId incident)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var blocks = notice.Blocks.DeepClone().AsArray();
        blocks.Add(BlockKit.Actions(BlockId, BlockKit.Button("Acknowledge", Acknowledge, incident.Value.ToString(CultureInfo.InvariantCulture), "primary")));
        return notice with { Blocks = blocks };
    }
}
