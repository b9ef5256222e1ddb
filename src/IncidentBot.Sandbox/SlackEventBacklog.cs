using System.Text.Json.Nodes;
using System.Threading.Channels;
using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>
/// Events the emulated workspace owes the bot (message, reaction_added, pin_added, …), delivered in order by
/// <see cref="SandboxEventService"/>. At most <see cref="Capacity"/> wait: a bot that stops taking events (stuck, or
/// flooded by a script posting to the page) costs bounded memory; beyond it the oldest waiting event is given up and
/// counted, as Slack gives up on an event an app does not take.
/// </summary>
public sealed partial class SlackEventBacklog
{
    public const int DefaultCapacity = 1_000;

    private readonly Channel<JsonObject> queue;
    private readonly ILogger<SlackEventBacklog>? logger;
    private long dropped;

    public SlackEventBacklog(ILogger<SlackEventBacklog>? logger = null, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.logger = logger;
        Capacity = capacity;
        queue = Channel.CreateBounded<JsonObject>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
            Dropped);
    }

    public int Capacity { get; }

    /// <summary>Events given up since start because <see cref="Capacity"/> were already waiting.</summary>
    public long DroppedCount => Interlocked.Read(ref dropped);

    /// <summary>Events waiting now.</summary>
    public int Count => queue.Reader.Count;

    public void Enqueue(JsonObject slackEvent) => queue.Writer.TryWrite(slackEvent);

    public IAsyncEnumerable<JsonObject> ReadAllAsync(CancellationToken cancellationToken) => queue.Reader.ReadAllAsync(cancellationToken);

    private void Dropped(JsonObject slackEvent)
    {
        var total = Interlocked.Increment(ref dropped);

        // Once, then at every thousandth: a flood must not flood the log as well.
        if (logger is not null && (total == 1 || total % 1_000 == 0))
        {
            LogDropped(logger, Capacity, total, SlackArgs.Text(slackEvent, "type") ?? "?");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox: {Capacity} events already wait for the bot; the oldest ({EventType}) is given up ({Total} so far)")]
    private static partial void LogDropped(ILogger logger, int capacity, long total, string eventType);
}
