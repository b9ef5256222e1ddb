using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Lifecycle;

/// <summary>
/// <c>/incident cancel [reason]</c>: ends a mistaken declaration before it is resolved. The commander's call (checked
/// inside the write); the record stays, and the war room, declaration, topic and announcement say so.
/// Pager alerts it raised are resolved by <c>Paging.PagerResolutions</c>, as on resolve.
/// </summary>
public sealed class CancelHandler(IncidentActions actions) : IIncidentCommandHandler
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

        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Command("cancel"),
            i => i.Cancel(target.Arguments, context.User, context.Now),
            i => $"{i.Id} is cancelled: no more reminders, escalation or pages. Its timeline is kept.", postedInWarRoom: true).ConfigureAwait(false);
    }
}
