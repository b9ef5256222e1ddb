using System.Text.Json.Nodes;
using IncidentBot.Sandbox;

namespace IncidentBot.Tests.Sandbox;

/// <summary>What the emulated workspace has queued for the bot so far. It queues as it acts, so nothing is waited for.</summary>
internal static class QueuedEvents
{
    public static List<JsonObject> Drain(this SlackEventBacklog events)
    {
        var list = new List<JsonObject>();
        using var stop = new CancellationTokenSource();
        var reader = events.ReadAllAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        try
        {
            while (true)
            {
                var next = reader.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    // The queue is empty: end the read that would wait for the next one.
                    stop.Cancel();
                }

                if (!next.AsTask().GetAwaiter().GetResult())
                {
                    return list;
                }

                list.Add(reader.Current);
            }
        }
        catch (OperationCanceledException)
        {
            return list;
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
