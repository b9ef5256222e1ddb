using IncidentBot.Commands;
using IncidentBot.Messaging;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;

namespace IncidentBot.Lifecycle;

/// <summary>
/// <c>/incident list</c>: the open incidents, then apart those resolved and awaiting close; private ones only to the
/// people in them. Cancelled and failed incidents are not listed. Whoever sees them all gets the shared text
/// (<see cref="ListText"/>); whoever a private incident is hidden from gets a list of their own.
/// </summary>
public sealed class ListHandler(IIncidentStore store, ListText text, IncidentMessages messages) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["list", "ls"];

    public Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var open = store.ListOpen();
        var visible = open.Where(i => !i.IsPrivate || i.IsMember(context.User) || i.WarRoom.ChannelId == context.Channel.Value).ToList();
        return Task.FromResult(visible.Count == open.Count ? SlackReply.Shared(text.For(open, context.Now)) : new SlackReply(messages.List(visible, context.Now)));
    }
}
