using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Escalation;

/// <summary>
/// <c>/incident escalate @person #channel @group</c>: calls them in by hand, as an escalation step would, whatever the
/// matrix says; role holders only (like other changes to the incident). It calls in people, user groups (as Slack
/// sends them, <c>&lt;!subteam^S…&gt;</c>, or by id), the matrix's on-call handles and channels; never a broadcast
/// (<c>@here</c>, <c>@channel</c>, <c>@everyone</c>), and no other bare handle, which could name any group.
/// </summary>
public sealed class EscalateHandler(IncidentActions actions, EscalationNotices notices, EscalationMatrix matrix) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["escalate"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, matrix.Handles is [var first, ..] ? first : "@person");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var words = target.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var targets = words.Select(Accepted).ToList();
        if (words.Length == 0 || targets.Contains(null))
        {
            return new SlackReply(Refusal(words.FirstOrDefault(w => Accepted(w) is null), context.Command.Command));
        }

        var called = targets.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Steer("escalate"),
            i => i.EscalateTo(called, context.User, context.Now),
            i => $"Escalated {i.Id} to {string.Join(" ", called.Select(SlackText.Mention))}.",
            (i, decision) => notices.For(i, new EscalationCall(null, called, null, decision.Entries[0]), context.User, context.Now)).ConfigureAwait(false);
    }

    /// <summary>The target <paramref name="word"/> names, when escalating to it is allowed; null otherwise.</summary>
    private string? Accepted(string word) =>
        EscalationTargets.Parse(word) is { } t && (!t.StartsWith('@') || matrix.Handles.Contains(t, StringComparer.Ordinal)) ? t : null;

    private string Refusal(string? bad, string command)
    {
        var handles = matrix.Handles.Count == 0 ? "" : $", the on-call handles {string.Join(", ", matrix.Handles)}";
        var accepts = $"Escalate calls in people (@person), user groups (pick @group from Slack's list, or its S… id){handles} and channels (#channel): `{command} escalate @person @oncall #channel`.";
        var shown = bad is null ? "" : SlackText.Escape(SlackText.Truncate(bad, 40));
        return bad switch
        {
            null => $"Escalate to whom? {accepts}",
            _ when EscalationTargets.IsBroadcast(bad) => $"`{shown}` would notify everyone in the channel, so I don't escalate to it. {accepts}",
            _ when EscalationTargets.Parse(bad) is not null => $"`{shown}` is not a user group Slack recognised or an on-call handle of the escalation matrix. {accepts}",
            _ => $"`{shown}` is not a person, channel or user group. {accepts}",
        };
    }
}
