using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.SocketMode;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Slack.Inbound;

/// <summary>A flood of signed deliveries within the hour keeps a bounded number of ids, and the latest still dedupe.</summary>
public sealed class RecentIdsTests
{
    private const int Flood = RecentIds.MaxKept + 50_000;

    [Fact]
    public async Task A_flood_of_events_within_the_hour_keeps_a_bounded_number_of_ids_and_a_retry_of_a_recent_one_is_a_duplicate()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 1, 3, 0));
        var events = new RecentEventIds(clock, new SingleReplicaClaims());
        var handled = 0;

        for (var i = 0; i < Flood; i++)
        {
            await events.HandleOnceAsync($"Ev{i}", () => Task.FromResult(++handled > 0));
            clock.AdvanceMilliseconds(10);
        }

        Assert.InRange(events.Count, 1, RecentIds.MaxKept);
        Assert.Equal(SlackDispatchOutcome.Duplicate, await events.HandleOnceAsync($"Ev{Flood - 1}", () => Task.FromResult(true)));
        Assert.Equal(Flood, handled);
    }

    [Fact]
    public async Task A_flood_of_envelopes_within_the_hour_keeps_a_bounded_number_of_ids_and_a_redelivery_of_a_recent_one_joins_it()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 1, 3, 0));
        var envelopes = new RecentEnvelopes(clock, new SingleReplicaClaims());

        for (var i = 0; i < Flood; i++)
        {
            await envelopes.Begin($"env-{i}", () => Task.FromResult<System.Text.Json.Nodes.JsonObject?>(null)).Run;
            clock.AdvanceMilliseconds(10);
        }

        Assert.InRange(envelopes.Count, 1, RecentIds.MaxKept);
        Assert.False(envelopes.Begin($"env-{Flood - 1}", () => Task.FromResult<System.Text.Json.Nodes.JsonObject?>(null)).First);
    }
}
