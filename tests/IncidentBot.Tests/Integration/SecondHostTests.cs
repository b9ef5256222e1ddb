using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Hosts in one process on one LiteDB file, as restart tests run them: the lock is the OS's, so it holds against the same
/// process too (what a second host would take is refused while the first runs), and a disposed host frees it.
/// </summary>
public sealed class SecondHostTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlackApi.StartAsync(new TestTime());

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task While_a_host_runs_its_file_is_locked_and_once_disposed_a_host_restarted_on_it_finds_its_incidents()
    {
        var first = BotHost.Start(slack);
        await first.ReplyAsync("create Payments down sev1");

        using var second = new StorageFileLock();
        var refused = Assert.Throws<StorageInUseException>(() => second.Hold(first.DatabasePath, "Storage:Path", "for more than one replica use Storage:Provider=PostgreSQL"));
        Assert.Equal(
            $"{first.DatabasePath} is in use by another process; run one replica per LiteDB file (stop the other bot, or give this one its own Storage:Path); for more than one replica use Storage:Provider=PostgreSQL",
            refused.Message);
        Assert.NotNull(first.Store.Find(new IncidentBot.Incidents.IncidentId(1)));
        await first.DisposeAsync();

        await using var restarted = BotHost.Start(slack, first.DatabasePath);
        Assert.NotNull(restarted.Store.Find(new IncidentBot.Incidents.IncidentId(1)));
    }
}
