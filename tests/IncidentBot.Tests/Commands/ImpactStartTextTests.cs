using IncidentBot.Commands;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Tests.Commands;

public sealed class ImpactStartTextTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 15, 0);

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
        Assert.Equal(InstantPattern.General.Parse(expected).Value, ImpactStartText.Parse(text, Now));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("25:00")]
    [InlineData("14:05 CET")]
    [InlineData("ago")]
    public void Refuses_what_it_cannot_read(string text) => Assert.Null(ImpactStartText.Parse(text, Now));
}
