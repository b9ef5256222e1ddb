using IncidentBot.Storage;
using LiteDB;

namespace IncidentBot.Tests.Storage;

/// <summary>
/// The stores' key and field lookups reuse one parsed expression per text and thread, setting its value before each
/// query: lookups of different keys, one after another and on many threads at once, each find their own document.
/// </summary>
public sealed class LiteDbQueriesTests
{
    [Fact]
    public async Task Lookups_of_different_keys_on_many_threads_at_once_each_find_their_own_document()
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = TestFiles.NewPath("incidentbot-queries"), Connection = ConnectionType.Direct });
        var incidents = database.GetCollection("incidents");
        incidents.EnsureIndex("Channel");
        incidents.InsertBulk(Enumerable.Range(1, 200).Select(n => new BsonDocument { ["_id"] = n, ["Channel"] = $"C{n:D4}" }));

        var wrong = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var mismatches = 0;
            for (var i = 0; i < 2_000; i++)
            {
                var id = (worker * 37 + i * 13) % 200 + 1;
                var byKey = incidents.ById(id);
                var byField = Assert.Single(incidents.Where("$.Channel = @0", $"C{(id % 200) + 1:D4}"));
                mismatches += byKey?["_id"].AsInt32 == id && byField["_id"].AsInt32 == id % 200 + 1 ? 0 : 1;
            }

            return mismatches;
        })));

        Assert.All(wrong, w => Assert.Equal(0, w));
        Assert.Null(incidents.ById(201));
        Assert.Equal(7, incidents.ById(7)?["_id"].AsInt32);
    }

    [Fact]
    public void A_value_set_on_another_thread_never_reaches_this_threads_query()
    {
        var mine = LiteDbQueries.Reused("_id = @0", 1);

        BsonExpression? theirs = null;
        var other = new Thread(() => theirs = LiteDbQueries.Reused("_id = @0", 2));
        other.Start();
        other.Join();

        Assert.Equal(1, mine.Parameters["0"].AsInt32);
        Assert.Equal(2, theirs!.Parameters["0"].AsInt32);
        Assert.Same(mine, LiteDbQueries.Reused("_id = @0", 3));
    }
}
