using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

/// <summary>
/// <c>/incident cancel [reason]</c>: ends a mistaken declaration before it is resolved. The commander's call (the
/// incident decides that inside the write); the record stays, and the war room, declaration, topic and announcement say so.
/// Pager alerts it raised are resolved by <c>Paging.PagerResolutions</c>, as on resolve.
/// </summary>
public sealed class CancelHandler(IncidentActions actions, IncidentMessages messages) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["cancel"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "declared by mistake");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        if (await actions.AuthorizeAsync(context, incident, "cancel").ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        return await actions.ApplyAsync(
            context,
            incident,
            i => i.Cancel(target.Arguments, context.User, context.Now),
            i =>
            [
                OutboxMessage.Post(i.Id.Value, messages.Cancelled(i, context.User, context.Now), context.Now),
                OutboxMessage.For(i.Id.Value, OutboxKind.RefreshDeclaration, context.Now),
                OutboxMessage.For(i.Id.Value, OutboxKind.SetTopic, context.Now),
                .. i.IsDrill || i.IsPrivate ? Array.Empty<OutboxMessage>() : [OutboxMessage.For(i.Id.Value, OutboxKind.RefreshAnnouncement, context.Now)],
            ],
            i => $"{i.Id} is cancelled: no more reminders, escalation or pages. Its timeline is kept.").ConfigureAwait(false);
    }
}
