using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using NodaTime;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// Envelope ids seen in the last hour, each with the answer its first delivery produced. Slack redelivers an envelope
/// that was not acknowledged in time, possibly on another of the bot's connections (<c>retry_attempt</c> &gt; 0); the
/// retry joins the first delivery's work instead of repeating it, and gets the same answer. The first delivery on this
/// replica also claims the id from the other replicas (<see cref="IDeliveryClaims"/>), keeping its answer there.
/// </summary>
public sealed class RecentEnvelopes(IClock clock, IDeliveryClaims claims)
{
    private static readonly Duration Keep = Duration.FromHours(1);
    private readonly ConcurrentDictionary<string, Seen> seen = new(StringComparer.Ordinal);
    private long recorded;

    /// <summary>
    /// The run of <paramref name="envelopeId"/>: started with <paramref name="process"/> the first time this replica
    /// sees the id (<c>First</c> true), else the run the first delivery started. A run that failed, or found the id
    /// running on another replica, is forgotten, so the next delivery claims it afresh.
    /// </summary>
    public (Task<EnvelopeRun> Run, bool First) Begin(string envelopeId, Func<Task<JsonObject?>> process)
    {
        var now = clock.GetCurrentInstant();
        Seen? mine = null;
        mine = new Seen(new Lazy<Task<EnvelopeRun>>(() => ClaimedRunAsync(envelopeId, mine!, process)), now);
        var entry = seen.GetOrAdd(envelopeId, mine);
        if (ReferenceEquals(entry, mine) && Interlocked.Increment(ref recorded) % 1000 == 0)
        {
            RecentIds.Trim(seen, now, Keep, s => s.At, s => s.Run.IsValueCreated && s.Run.Value.IsCompleted);
        }

        return (entry.Run.Value, ReferenceEquals(entry, mine));
    }

    /// <summary>How many envelope ids are kept now.</summary>
    internal int Count => seen.Count;

    private async Task<EnvelopeRun> ClaimedRunAsync(string envelopeId, Seen mine, Func<Task<JsonObject?>> process)
    {
        var claim = await claims.ClaimAsync(envelopeId).ConfigureAwait(false);
        switch (claim.State)
        {
            case DeliveryClaimState.Done:
                return new EnvelopeRun(claim.State, claim.Answer is { } answered ? JsonNode.Parse(answered)?.AsObject() : null);
            case DeliveryClaimState.Busy:
                seen.TryRemove(KeyValuePair.Create(envelopeId, mine));
                return new EnvelopeRun(claim.State, null);
        }

        JsonObject? answer;
        try
        {
            answer = await process().ConfigureAwait(false);
        }
        catch
        {
            seen.TryRemove(KeyValuePair.Create(envelopeId, mine));
            await claims.ReleaseAsync(envelopeId).ConfigureAwait(false);
            throw;
        }

        await claims.DoneAsync(envelopeId, answer?.ToJsonString()).ConfigureAwait(false);
        return new EnvelopeRun(DeliveryClaimState.Taken, answer);
    }

    private sealed record Seen(Lazy<Task<EnvelopeRun>> Run, Instant At);
}
