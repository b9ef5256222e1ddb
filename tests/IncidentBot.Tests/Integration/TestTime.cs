using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The bot's time in a test, one fake for both of its clocks: the <see cref="TimeProvider"/> every loop waits on (the
/// outbox, the scheduler, Polly's Retry-After and back-off, Socket Mode's reconnect) and the NodaTime
/// <see cref="IClock"/> it stamps and compares with. Nothing moves until the test calls <see cref="FakeTimeProvider.Advance"/>.
/// </summary>
internal sealed class TestTime() : FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds())), IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(GetUtcNow());

    /// <summary>Moves time on by <paramref name="step"/> each poll until <paramref name="condition"/> holds: for waits whose timer the bot sets at a moment the test cannot see.</summary>
    public Task AdvanceUntilAsync(Func<bool> condition, string what, TimeSpan step, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(
            () =>
            {
                if (condition())
                {
                    return true;
                }

                Advance(step);
                return condition();
            },
            what,
            timeout);
}
