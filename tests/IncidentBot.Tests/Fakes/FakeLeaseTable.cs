using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// The <c>leases</c> table several fake replicas share, in memory, with expiry on a fake clock: taking, renewing and
/// releasing behave as <see cref="IncidentBot.Storage.Postgres.PostgresLeases"/> does, and the table remembers when
/// each lease was taken and how often a replica was refused.
/// </summary>
internal sealed class FakeLeaseTable(IClock clock, TimeSpan duration)
{
    private readonly Dictionary<string, (string Owner, Instant Until)> rows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Owner), int> refused = [];
    private readonly List<(string Name, string Owner, Instant At)> taken = [];
    private readonly Lock gate = new();

    public TimeSpan Duration => duration;

    /// <summary>A replica on this table.</summary>
    public Replica Join(string owner) => new(this, owner);

    public string? OwnerOf(string name)
    {
        lock (gate)
        {
            return rows.TryGetValue(name, out var row) && row.Until >= clock.GetCurrentInstant() ? row.Owner : null;
        }
    }

    /// <summary>When <paramref name="owner"/> last renewed or took <paramref name="name"/>; null if it does not hold it.</summary>
    public Instant? RenewedAt(string name, string owner)
    {
        lock (gate)
        {
            return rows.TryGetValue(name, out var row) && row.Owner == owner ? row.Until - NodaTime.Duration.FromTimeSpan(duration) : null;
        }
    }

    /// <summary>When <paramref name="owner"/> took <paramref name="name"/> from no one or from another owner, the last time.</summary>
    public Instant? TakenAt(string name, string owner)
    {
        lock (gate)
        {
            return taken.Where(t => t.Name == name && t.Owner == owner).Select(t => (Instant?)t.At).LastOrDefault();
        }
    }

    public int Refused(string name, string owner)
    {
        lock (gate)
        {
            return refused.GetValueOrDefault((name, owner));
        }
    }

    private bool TryHold(string name, string owner)
    {
        lock (gate)
        {
            var now = clock.GetCurrentInstant();
            if (rows.TryGetValue(name, out var row) && row.Until >= now && row.Owner != owner)
            {
                refused[(name, owner)] = refused.GetValueOrDefault((name, owner)) + 1;
                return false;
            }

            if (!rows.TryGetValue(name, out row) || row.Owner != owner)
            {
                taken.Add((name, owner, now));
            }

            rows[name] = (owner, now + NodaTime.Duration.FromTimeSpan(duration));
            return true;
        }
    }

    private void Release(string name, string owner)
    {
        lock (gate)
        {
            if (rows.TryGetValue(name, out var row) && row.Owner == owner)
            {
                rows.Remove(name);
            }
        }
    }

    /// <summary>One replica's leases. <see cref="Dead"/> makes it a process that stopped: it neither renews nor releases.</summary>
    internal sealed class Replica(FakeLeaseTable table, string owner) : ILeases
    {
        public string Owner => owner;

        public TimeSpan Duration => table.Duration;

        public bool Dead { get; set; }

        /// <summary>Its database stopped answering: asking for a lease waits until cancelled.</summary>
        public bool Stalled { get; set; }

        public Task<bool> TryHoldAsync(string name, CancellationToken cancellationToken) =>
            Stalled ? Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => false, TaskScheduler.Default) : Task.FromResult(!Dead && table.TryHold(name, owner));

        public Task ReleaseAsync(string name, CancellationToken cancellationToken)
        {
            if (!Dead)
            {
                table.Release(name, owner);
            }

            return Task.CompletedTask;
        }
    }
}
