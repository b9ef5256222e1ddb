using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.Commands;

/// <summary>Audit entries for <c>/incident</c> commands: who typed what, where, when, and what came of it.</summary>
public static class AuditEntries
{
    private const int CommandMax = 500;
    private const int OutcomeMax = 300;

    public static AuditEntry For(CommandContext context, IncidentId? incidentId, string outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AuditEntry
        {
            At = context.Now,
            User = context.User,
            Channel = context.Channel,
            IncidentId = incidentId,
            Command = SlackText.Truncate($"{context.Command.Command} {context.Command.Text}", CommandMax),
            Outcome = SlackText.Truncate(outcome, OutcomeMax),
        };
    }
}
