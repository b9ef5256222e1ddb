using IncidentBot.People;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.People;

public sealed class SlackPeopleDirectoryTests
{
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 14, 0));
    private readonly Mock<ISlackApi> slack = new();

    public SlackPeopleDirectoryTests() =>
        slack.Setup(s => s.GetUserInfoAsync(It.IsAny<SlackUserId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SlackUserId u, CancellationToken _) => new SlackUser(u.Value, u.Value.ToLowerInvariant(), null, "Asia/Kolkata", false));

    [Fact]
    public async Task Keeps_a_person_for_an_hour_with_their_zone()
    {
        var directory = new SlackPeopleDirectory(slack.Object, clock, TimeProvider.System, NullLogger<SlackPeopleDirectory>.Instance);

        var first = await directory.FindAsync(new SlackUserId("U0ALICE"), default);
        clock.AdvanceMinutes(59);
        await directory.FindAsync(new SlackUserId("U0ALICE"), default);
        clock.AdvanceMinutes(2);
        await directory.FindAsync(new SlackUserId("U0ALICE"), default);

        Assert.Equal(new Person("U0ALICE", "u0alice", DateTimeZoneProviders.Tzdb["Asia/Kolkata"]), first);
        slack.Verify(s => s.GetUserInfoAsync(new SlackUserId("U0ALICE"), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_failed_or_slow_lookup_is_null_and_an_unknown_zone_is_none()
    {
        slack.Setup(s => s.GetUserInfoAsync(new SlackUserId("U0GONE"), It.IsAny<CancellationToken>())).ThrowsAsync(new SlackApiException("users.info", "user_not_found"));
        slack.Setup(s => s.GetUserInfoAsync(new SlackUserId("U0SLOW"), It.IsAny<CancellationToken>()))
            .Returns(async (SlackUserId u, CancellationToken ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return new SlackUser(u.Value, "slow", null, null, false);
            });
        slack.Setup(s => s.GetUserInfoAsync(new SlackUserId("U0MARS"), It.IsAny<CancellationToken>())).ReturnsAsync(new SlackUser("U0MARS", "mars", null, "Mars/Olympus", false));
        var directory = new SlackPeopleDirectory(slack.Object, clock, new ElapsedAtOnce(), NullLogger<SlackPeopleDirectory>.Instance);

        Assert.Null(await directory.FindAsync(new SlackUserId("U0GONE"), default));
        Assert.Null(await directory.FindAsync(new SlackUserId("U0SLOW"), default));
        Assert.Equal(new Person("U0MARS", "mars", null), await directory.FindAsync(new SlackUserId("U0MARS"), default));
    }

    [Fact]
    public async Task Holds_at_most_its_capacity()
    {
        var directory = new SlackPeopleDirectory(slack.Object, clock, TimeProvider.System, NullLogger<SlackPeopleDirectory>.Instance);

        for (var i = 0; i <= SlackPeopleDirectory.Capacity; i++)
        {
            clock.AdvanceMilliseconds(1);
            await directory.FindAsync(new SlackUserId($"U{i:D8}"), default);
        }

        // The first one, due to expire first, made room for the last; the second is still known.
        await directory.FindAsync(new SlackUserId("U00000001"), default);
        await directory.FindAsync(new SlackUserId("U00000000"), default);
        slack.Verify(s => s.GetUserInfoAsync(new SlackUserId("U00000001"), It.IsAny<CancellationToken>()), Times.Once());
        slack.Verify(s => s.GetUserInfoAsync(new SlackUserId("U00000000"), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    /// <summary>Time in which every timer is due at once: the lookup's time limit passes without waiting for it.</summary>
    private sealed class ElapsedAtOnce : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _ = Task.Run(() => callback(state));
            return new Stopped();
        }

        private sealed class Stopped : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
