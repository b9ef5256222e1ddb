using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Tests.Incidents;

public sealed class WarRoomNamesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 3, 12);

    [Fact]
    public void Default_pattern_gives_date_and_slug()
    {
        Assert.Equal("inc-2026-11-24-checkout-500s", WarRoomNames.Plan("inc-{yyyy-MM-dd}-{slug}", "Checkout 500s!", new IncidentId(3), Now));
    }

    [Fact]
    public void Accents_punctuation_and_case_are_folded_to_slack_channel_characters()
    {
        Assert.Equal("inc-2026-11-24-zahlungen-fur-cafe-kunden-schlagen-fehl", WarRoomNames.Plan("inc-{yyyy-MM-dd}-{slug}", "Zahlungen für Café-Kunden  schlagen FEHL", new IncidentId(3), Now));
    }

    [Theory]
    [InlineData("Ångström Øresund Đà Nẵng", "inc-2026-11-24-angstrom-oresund-da-nang")]
    [InlineData("Tiếng Việt: lỗi thanh toán", "inc-2026-11-24-tieng-viet-loi-thanh-toan")]
    [InlineData("Cafe\u0301 s\u0327a", "inc-2026-11-24-cafe-sa")]
    [InlineData("Straße Łódź Æsir Þórsmörk", "inc-2026-11-24-strasse-lodz-aesir-thorsmork")]
    public void Accents_fold_without_the_culture_data(string title, string name)
    {
        Assert.Equal(name, WarRoomNames.Plan("inc-{yyyy-MM-dd}-{slug}", title, new IncidentId(3), Now));
    }

    [Fact]
    public void A_letter_spelled_with_two_never_takes_the_slug_past_its_length()
    {
        Assert.Equal("sssss", WarRoomNames.Slug("ßßßß", 5));
    }

    [Theory]
    [InlineData("<b>bold</b> checkout down", "inc-2026-11-24-bold-checkout-down")]
    [InlineData("&lt;b&gt;bold&lt;/b&gt; checkout down", "inc-2026-11-24-bold-checkout-down")]
    [InlineData("<script>alert(1)</script> api", "inc-2026-11-24-alert-1-api")]
    [InlineData("Fix &amp; verify &nbsp;cache", "inc-2026-11-24-fix-verify-cache")]
    [InlineData("<https://status.example.com|Status page> red", "inc-2026-11-24-status-page-red")]
    [InlineData("<!channel> db down for <@U0ALEXKIM1>", "inc-2026-11-24-db-down-for")]
    [InlineData("[docs](https://x.example) outage", "inc-2026-11-24-docs-outage")]
    [InlineData("latency < 200ms > budget", "inc-2026-11-24-latency-200ms-budget")]
    public void Markup_in_the_title_never_reaches_the_channel_name(string title, string name)
    {
        Assert.Equal(name, WarRoomNames.Plan("inc-{yyyy-MM-dd}-{slug}", title, new IncidentId(3), Now));
    }

    [Fact]
    public void A_title_without_letters_still_gives_a_name()
    {
        Assert.Equal("inc-2026-11-24-incident", WarRoomNames.Plan("inc-{yyyy-MM-dd}-{slug}", "🔥🔥 !!", new IncidentId(3), Now));
    }

    [Fact]
    public void Id_token_and_other_date_formats_work()
    {
        Assert.Equal("incident-inc-42-20261124-db-down", WarRoomNames.Plan("incident-{id}-{yyyyMMdd}-{slug}", "DB down", new IncidentId(42), Now));
    }

    [Fact]
    public void A_3000_character_title_gives_a_valid_name_with_room_for_a_suffix()
    {
        var name = WarRoomNames.Plan("inc-{yyyy-MM-dd}-{slug}", string.Concat(Enumerable.Repeat("Payments <!channel> are down & slow ", 90)), new IncidentId(1), Now);
        Assert.True(name.Length <= WarRoomNames.MaxLength - 4, name);
        Assert.Matches("^[a-z0-9_-]+$", name);
        var suffixed = WarRoomNames.WithSuffix(name, 12);
        Assert.True(suffixed.Length <= WarRoomNames.MaxLength);
        Assert.EndsWith("-12", suffixed, StringComparison.Ordinal);
    }
}
