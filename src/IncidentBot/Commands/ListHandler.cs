using IncidentBot.Messaging;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;

namespace IncidentBot.Commands;

/// <summary><c>/incident list</c>: the open incidents; private ones only to the people in them.</summary>
public sealed class ListHandler(IIncidentStore store, IncidentMessages messages) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["list", "ls"];

    public Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var visible = store.ListOpen().Where(i => !i.IsPrivate || i.IsMember(context.User) || i.WarRoom.ChannelId == context.Channel);
        return Task.FromResult(new SlackReply(messages.List(visible, context.Now)));
    }
}
