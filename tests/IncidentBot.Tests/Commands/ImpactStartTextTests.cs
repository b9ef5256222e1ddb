using System.Text;
using IncidentBot.Commands;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Tests.Commands;

public sealed class ImpactStartTextTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 15, 0);
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Theory]
    [InlineData("14:05", "2026-11-24T14:05:00Z")]
    [InlineData("16:30", "2026-11-23T16:30:00Z")]
    [InlineData("2026-11-24 09:15", "2026-11-24T09:15:00Z")]
    [InlineData("2026-11-24 14:05 +01:00", "2026-11-24T13:05:00Z")]
    [InlineData("14:05 -0500", "2026-11-23T19:05:00Z")]
    [InlineData("14:05 UTC", "2026-11-24T14:05:00Z")]
    [InlineData("30m ago", "2026-11-24T14:30:00Z")]
    [InlineData("2h ago", "2026-11-24T13:00:00Z")]
    [InlineData("1h30m ago", "2026-11-24T13:30:00Z")]
    public void Reads_the_forms_people_type_in_utc_unless_an_offset_is_given(string text, string expected) =>
        Assert.Equal(InstantPattern.General.Parse(expected).Value, ImpactStartText.Parse(text, Now, DateTimeZone.Utc));

    [Theory]
    [InlineData("14:05", "2026-11-24T13:05:00Z")]
    [InlineData("16:30", "2026-11-23T15:30:00Z")]
    [InlineData("2026-11-24 09:15", "2026-11-24T08:15:00Z")]
    [InlineData("2026-07-01 09:15", "2026-07-01T07:15:00Z")]
    [InlineData("14:05 UTC", "2026-11-24T14:05:00Z")]
    [InlineData("14:05\u00a0\u221205:00", "2026-11-23T19:05:00Z")]
    [InlineData("30m ago", "2026-11-24T14:30:00Z")]
    public void Reads_a_time_without_an_offset_in_the_typists_zone(string text, string expected) =>
        Assert.Equal(InstantPattern.General.Parse(expected).Value, ImpactStartText.Parse(text, Now, Berlin));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("25:00")]
    [InlineData("14:05 CET")]
    [InlineData("ago")]
    [InlineData("١٥m ago")]
    [InlineData("١٤:٠٥")]
    [InlineData("２０２６-１１-２４ １４:０５")]
    [InlineData("0000-01-01 00:00 -18")]
    [InlineData("9999-12-31 23:59 +18")]
    public void Refuses_what_it_cannot_read(string text)
    {
        Assert.Null(ImpactStartText.Parse(text, Now, DateTimeZone.Utc));
        Assert.Null(ImpactStartText.Parse(text, Now, Berlin));
    }

    [Fact]
    public void Echoes_a_time_in_the_typists_zone_and_in_utc()
    {
        Assert.Equal("14:05 Europe/Berlin (13:05 UTC)", ImpactStartText.Echo(Instant.FromUtc(2026, 11, 24, 13, 5), Now, Berlin));
        Assert.Equal("2026-11-24 00:30 Europe/Berlin (2026-11-23 23:30 UTC)", ImpactStartText.Echo(Instant.FromUtc(2026, 11, 23, 23, 30), Now + Duration.FromDays(1), Berlin));
        Assert.Equal("13:05 UTC", ImpactStartText.Echo(Instant.FromUtc(2026, 11, 24, 13, 5), Now, DateTimeZone.Utc));
    }

    /// <summary>Thousands of odd strings (other scripts' digits, signs, separators, huge numbers, surrogates): never a throw.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void No_input_makes_it_throw(int seed)
    {
        string[] pieces = ["1", "0", "9", "99999", "٣", "۵", "५", "１", "²", "Ⅻ", ":", "-", "+", "−", " ", "\u00a0", "\t", "\n", "h", "m", "min", "ago", "Z", "UTC", "T", "/", ".", "2026-11-24", "14:05", "+18:00", "-99", "\ud83d", "🔥", "\0", "ago ago"];
        var random = new Random(seed);
        for (var i = 0; i < 3_000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 8); n > 0; n--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            foreach (var zone in new[] { DateTimeZone.Utc, Berlin, DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"] })
            {
                var parsed = ImpactStartText.Parse(text.ToString(), Now, zone);
                Assert.True(parsed is null || Math.Abs((parsed.Value - Now).TotalDays) < 3_000_000, text.ToString());
            }
        }
    }
}
