using IncidentBot.Storage;
using LiteDB;

namespace IncidentBot.Tests.Storage;

/// <summary>A LiteDB file serves the sandbox or a bot with a token, never one after the other.</summary>
public sealed class LiteDbFileOwnerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_new_file_is_marked_and_the_same_kind_opens_it_again(bool sandbox)
    {
        var path = TestFiles.NewPath("owner");
        using (var first = new LiteDatabase(path))
        {
            LiteDbFileOwner.Claim(first, path, sandbox);
        }

        using var again = new LiteDatabase(path);
        LiteDbFileOwner.Claim(again, path, sandbox);
    }

    [Fact]
    public void The_sandbox_refuses_a_file_a_bot_with_a_token_wrote()
    {
        var path = TestFiles.NewPath("owner");
        using var database = new LiteDatabase(path);
        LiteDbFileOwner.Claim(database, path, sandbox: false);

        var refused = Assert.Throws<StorageUnavailableException>(() => LiteDbFileOwner.Claim(database, path, sandbox: true));

        Assert.StartsWith($"{path} holds the incidents of a bot with a Slack token; the sandbox never writes there", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sandbox_channels", true)]
    [InlineData("incidents", false)]
    public void A_file_from_before_the_mark_belongs_to_whoever_left_its_collections(string collection, bool sandbox)
    {
        var path = TestFiles.NewPath("owner");
        using var database = new LiteDatabase(path);
        database.GetCollection(collection).Insert(new BsonDocument { ["_id"] = "x" });

        LiteDbFileOwner.Claim(database, path, sandbox);
        Assert.Throws<StorageUnavailableException>(() => LiteDbFileOwner.Claim(database, path, !sandbox));
    }
}
