using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Integration;

/// <summary><c>/health</c> names the store and whether this replica leads the scheduler.</summary>
public sealed class HealthTests : BotTest
{
    [Fact]
    public async Task Health_names_the_litedb_store_and_a_lone_replica_leads_the_scheduler()
    {
        var health = JsonNode.Parse(await Bot.Unsigned.GetStringAsync(new Uri("/health", UriKind.Relative)))!;

        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal("LiteDB", (string?)health["store"]);
        Assert.Equal("leader", (string?)health["scheduler"]);
        Assert.Null(health["database"]);
    }
}
