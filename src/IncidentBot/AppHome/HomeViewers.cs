using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.AppHome;

/// <summary>
/// Who has the App Home tab, as far as this process knows: the people who opened it most recently, at most
/// <see cref="Capacity"/> (the one who opened it longest ago drops out first), so a change republishes a bounded number
/// of views. Kept in memory on purpose: Slack tells the bot each time someone opens the tab, and the tab is rebuilt
/// then, so after a restart a tab is at worst stale until its next opening; storing viewers would persist a cache.
/// </summary>
public sealed class HomeViewers
{
    public const int Capacity = 200;

    private readonly Lock gate = new();
    private readonly LinkedList<SlackUserId> recent = new();
    private readonly Dictionary<SlackUserId, LinkedListNode<SlackUserId>> nodes = [];
    private readonly HashSet<SlackUserId> waiting = [];

    /// <summary>Completes when someone opened the tab since it was taken.</summary>
    public Signal Opened { get; } = new();

    /// <summary><paramref name="user"/> opened the tab: theirs is published next, and again on each change.</summary>
    public void Open(SlackUserId user)
    {
        lock (gate)
        {
            if (nodes.Remove(user, out var node))
            {
                recent.Remove(node);
            }

            nodes[user] = recent.AddFirst(user);
            if (recent.Count > Capacity && recent.Last is { } oldest)
            {
                nodes.Remove(oldest.Value);
                recent.RemoveLast();
                waiting.Remove(oldest.Value);
            }

            waiting.Add(user);
        }

        Opened.Notify();
    }

    /// <summary>Everyone whose tab is kept current, most recent first.</summary>
    public IReadOnlyList<SlackUserId> All()
    {
        lock (gate)
        {
            waiting.Clear();
            return [.. recent];
        }
    }

    /// <summary>Those who opened the tab since the last call.</summary>
    public IReadOnlyList<SlackUserId> TakeOpened()
    {
        lock (gate)
        {
            var taken = waiting.ToList();
            waiting.Clear();
            return taken;
        }
    }
}
