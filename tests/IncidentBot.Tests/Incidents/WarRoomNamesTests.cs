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
