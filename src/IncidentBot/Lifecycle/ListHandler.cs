using IncidentBot.Commands;
using IncidentBot.Messaging;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;

namespace IncidentBot.Lifecycle;

/// <summary>
/// <c>/incident list</c>: the open incidents, then apart those resolved and awaiting close; private ones only to the
/// people in them. Cancelled and failed incidents are not listed.
/// </summary>
public sealed class ListHandler(IIncidentStore store, IncidentMessages messages) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["list", "ls"];

    public Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var visible = store.ListOpen().Where(i => !i.IsPrivate || i.IsMember(context.User) || i.WarRoom.ChannelId == context.Channel.Value).ToList();
        return Task.FromResult(new SlackReply(messages.List(visible, context.Now)));
    }
}
