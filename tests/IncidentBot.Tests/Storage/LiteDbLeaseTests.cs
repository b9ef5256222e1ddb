using IncidentBot.Storage;

namespace IncidentBot.Tests.Storage;

/// <summary>
/// A LiteDB file's leases always hold and never run out: exclusive between replicas because a second replica on the
/// file never starts.
/// </summary>
public sealed class LiteDbLeaseTests : LeaseContract
{
    [Fact]
    public void A_second_replica_on_the_file_is_refused_so_the_first_holds_every_lease_alone()
    {
        var path = TestFiles.NewPath("incidentbot-leases");
        using var first = new StorageFileLock();
        using var second = new StorageFileLock();
        first.Hold(path, "Storage:Path");

        Assert.Throws<StorageInUseException>(() => second.Hold(path, "Storage:Path"));
        Assert.Equal(Timeout.InfiniteTimeSpan, Replica().Duration);
    }

    private protected override ILeases Replica() => new SingleProcessLeases(new ReplicaId());
}
