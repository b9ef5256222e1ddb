using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

/// <summary><c>/incident severity &lt;sev&gt;</c>: posts the change, edits the pinned declaration and the topic, re-plans the update cadence.</summary>
public sealed class SeverityHandler(IncidentActions actions, SeverityScheme scheme, IncidentMessages messages) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["severity", "sev"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, scheme.Example);
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

        if (await actions.AuthorizeAsync(context, incident, "change the severity of").ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var from = "";
        return await actions.ApplyAsync(
            context,
            incident,
            i =>
            {
                from = i.Severity;
                return i.ChangeSeverity(severity, context.User, context.Now);
            },
            i =>
            [
                OutboxMessage.Post(i.Id.Value, messages.SeverityChanged(i, context.User, from, context.Now), context.Now),
                OutboxMessage.For(i.Id.Value, OutboxKind.RefreshDeclaration, context.Now),
                OutboxMessage.For(i.Id.Value, OutboxKind.SetTopic, context.Now),
            ],
            i => $"{i.Id} is now {i.Severity}.").ConfigureAwait(false);
    }
}
