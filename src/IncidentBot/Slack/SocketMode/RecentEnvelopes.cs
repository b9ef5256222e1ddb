using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NodaTime;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// Envelope ids seen in the last hour, each with the answer its first delivery produced. Slack redelivers an envelope
/// that was not acknowledged in time, possibly on another of the bot's connections (<c>retry_attempt</c> &gt; 0); the
/// retry joins the first delivery's work instead of repeating it, and gets the same answer.
/// </summary>
public sealed class RecentEnvelopes(IClock clock)
{
    private static readonly Duration Keep = Duration.FromHours(1);
    private readonly ConcurrentDictionary<string, Seen> seen = new(StringComparer.Ordinal);
    private long recorded;

    /// <summary>
    /// The answer to <paramref name="envelopeId"/>: started with <paramref name="process"/> the first time the id is
    /// seen (<c>First</c> true), else the task the first delivery started.
    /// </summary>
    public (Task<JsonObject?> Answer, bool First) Begin(string envelopeId, Func<Task<JsonObject?>> process)
    {
        var now = clock.GetCurrentInstant();
        var mine = new Seen(new Lazy<Task<JsonObject?>>(process), now);
        var entry = seen.GetOrAdd(envelopeId, mine);
        if (ReferenceEquals(entry, mine) && Interlocked.Increment(ref recorded) % 1000 == 0)
        {
            foreach (var old in seen.Where(e => now - e.Value.At > Keep))
            {
                seen.TryRemove(old.Key, out _);
            }
        }

        return (entry.Answer.Value, ReferenceEquals(entry, mine));
    }

    private sealed record Seen(Lazy<Task<JsonObject?>> Answer, Instant At);
}
