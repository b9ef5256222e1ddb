using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Tests.Incidents;

public sealed class ScribeNoteTests
{
    [Theory]
    [InlineData("1360782400.498405", 1360782400L, 4984050L)]
    [InlineData("1795489920.000100", 1795489920L, 1000L)]
    [InlineData("1795489920", 1795489920L, 0L)]
    public void Slack_ts_is_read_as_the_instant_the_message_was_written(string ts, long seconds, long ticks)
    {
        Assert.Equal(Instant.FromUnixTimeSeconds(seconds) + Duration.FromTicks(ticks), ScribeNote.TsToInstant(ts));
    }

    [Fact]
    public void A_made_up_ts_reads_back_as_the_same_instant()
    {
        var at = Instant.FromUnixTimeSeconds(1795489920) + Duration.FromMilliseconds(123);
        Assert.Equal("1795489920.123000", ScribeNote.InstantToTs(at));
        Assert.Equal(at, ScribeNote.TsToInstant(ScribeNote.InstantToTs(at)));
    }
}
