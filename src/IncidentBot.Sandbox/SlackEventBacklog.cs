using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace IncidentBot.Sandbox;

/// <summary>Events the emulated workspace owes the bot (message, reaction_added, pin_added, …), delivered in order by <see cref="SandboxEventService"/>.</summary>
public sealed class SlackEventBacklog
{
    private readonly Channel<JsonObject> queue = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(JsonObject slackEvent) => queue.Writer.TryWrite(slackEvent);

    public IAsyncEnumerable<JsonObject> ReadAllAsync(CancellationToken cancellationToken) => queue.Reader.ReadAllAsync(cancellationToken);
}
