using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Lifecycle;

/// <summary><c>/incident severity &lt;sev&gt;</c>: posts the change, edits the pinned declaration and the topic, re-plans the update cadence.</summary>
public sealed class SeverityHandler(IncidentActions actions, SeverityScheme scheme) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["severity", "sev"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, scheme.Example, idMayComeLast: true);
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var word = target.Arguments.Trim();
        if (scheme.Find(word) is not { } severity)
        {
            var what = word.Length == 0 ? "Which severity?" : $"`{SlackText.Escape(SlackText.Truncate(word, 40))}` is not a severity.";
            return new SlackReply($"{what} Use one of {scheme.Names}: `{context.Command.Command} severity {scheme.Example}`.");
        }

        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Steer("change the severity of"),
            i =>
            {
                var from = scheme.Named(i.Severity);
                var decision = i.ChangeSeverity(severity, context.User, context.Now);
                if (decision.Applied)
                {
                    i.RestartRemindersAfterRaise(from, severity);
                }

                return decision;
            },
            i => $"{i.Id} is now {i.Severity}.", postedInWarRoom: true).ConfigureAwait(false);
    }
}
