using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Lifecycle;

/// <summary><c>/incident status investigating|identified|monitoring|resolved</c>: moves the state machine; an illegal move is explained.</summary>
public sealed class StatusHandler(IncidentActions actions) : IIncidentCommandHandler
{
    private static readonly string[] Settable = ["investigating", "identified", "monitoring", "resolved"];

    public IReadOnlyCollection<string> Verbs { get; } = ["status"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "identified", idMayComeLast: true);
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var (word, rest) = IncidentCommandParser.FirstWord(target.Arguments);
        if (!Settable.Contains(word, StringComparer.OrdinalIgnoreCase) || !Enum.TryParse<IncidentStatus>(word, ignoreCase: true, out var to))
        {
            var what = word.Length == 0 ? "Which status?" : $"`{SlackText.Escape(SlackText.Truncate(word, 40))}` is not a status.";
            return new SlackReply($"{what} Use one of {string.Join(", ", Settable)}: `{context.Command.Command} status identified`.");
        }

        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Steer(to == IncidentStatus.Resolved ? "resolve" : "change the status of"),
            i => i.ChangeStatus(to, context.User, context.Now, rest),
            i => to == IncidentStatus.Resolved ? $"{i.Id} is resolved." : $"{i.Id} is now {IncidentLifecycle.Word(i.Status)}.", postedInWarRoom: true).ConfigureAwait(false);
    }
}
