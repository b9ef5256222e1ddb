using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace IncidentBot.Lifecycle;

/// <summary>
/// <c>/incident cancel [reason]</c>: ends a mistaken declaration before it is resolved. The commander's call (checked
/// inside the write); the record stays, and the war room, declaration, topic and announcement say so before the war room
/// is archived (with <see cref="IncidentsOptions.ArchiveOnClose"/>).
/// Pager alerts it raised are resolved by <c>Paging.PagerResolutions</c>, as on resolve.
/// </summary>
public sealed class CancelHandler(IncidentActions actions, IOptions<IncidentsOptions> options) : IIncidentCommandHandler
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

        var archive = options.Value.ArchiveOnClose;
        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Command("cancel"),
            i => i.Cancel(target.Arguments, context.User, context.Now),
            i => $"{i.Id} is cancelled: no more reminders, escalation or pages. Its timeline is kept{(archive ? "; the war room is being archived" : "")}.", postedInWarRoom: true).ConfigureAwait(false);
    }
}
