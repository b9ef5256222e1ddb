using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Escalation;

/// <summary>
/// <c>/incident escalate @person #channel @group</c>: calls them in by hand, as an escalation step would, whatever the
/// matrix says; role holders only (like other changes to the incident).
/// </summary>
public sealed class EscalateHandler(IncidentActions actions, EscalationNotices notices) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["escalate"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "@vp-engineering");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var words = target.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var targets = words.Select(EscalationTargets.Parse).ToList();
        if (words.Length == 0 || targets.Contains(null))
        {
            var bad = words.FirstOrDefault(w => EscalationTargets.Parse(w) is null);
            var what = bad is null ? "Escalate to whom?" : $"`{SlackText.Escape(SlackText.Truncate(bad, 40))}` is not a person, channel or user group.";
            return new SlackReply($"{what} Name them: `{context.Command.Command} escalate @person #channel @oncall`.");
        }

        var called = targets.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Steer("escalate"),
            i => i.EscalateTo(called, context.User, context.Now),
            i => $"Escalated {i.Id} to {string.Join(" ", called.Select(Incident.Mention))}.",
            i => notices.For(i, new EscalationCall(null, called, null, i.Recorded[^1]), context.User, context.Now)).ConfigureAwait(false);
    }
}
