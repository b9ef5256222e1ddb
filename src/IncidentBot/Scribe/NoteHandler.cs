using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Scribe;

/// <summary><c>/incident note &lt;text&gt;</c>: adds a note to the timeline by hand.</summary>
public sealed class NoteHandler(IncidentActions actions, NoteTaker noteTaker) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["note"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "DB CPU back under 50%");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        if (string.IsNullOrWhiteSpace(target.Arguments))
        {
            return new SlackReply($"What should the note say? `{context.Command.Command} note DB CPU back under 50%`.");
        }

        if (actions.Refusal(context, incident, Authorize.Contribute("add notes to")) is { } refusal)
        {
            await actions.AuditAsync(context, incident, "refused: not allowed").ConfigureAwait(false);
            return new SlackReply(refusal);
        }

        if (noteTaker.Refusal(incident, target.Arguments.Trim()) is { } tooMuch)
        {
            await actions.AuditAsync(context, incident, "refused: over a limit").ConfigureAwait(false);
            return new SlackReply($"Not done: {SlackText.Escape(tooMuch)}.");
        }

        await noteTaker.TypeAsync(incident, target.Arguments.Trim(), context.User).ConfigureAwait(false);
        return new SlackReply($"Noted on {incident.Id}'s timeline: {SlackText.Escape(SlackText.Truncate(target.Arguments.Trim(), 300))}");
    }
}
