using NodaTime;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// The leases in table <c>leases</c>: one row per name, its owner and when it runs out (Unix ms on the bot's
/// <see cref="IClock"/>). Taking and renewing are one statement, so two replicas racing for a lease cannot both win.
/// The replicas' clocks are trusted to agree to well within the duration.
/// </summary>
public sealed class PostgresLeases(PostgresDatabase database, ReplicaId replica, IClock clock, TimeSpan duration) : ILeases
{
    private const string Hold = """
        INSERT INTO leases (name, owner, expires_at) VALUES (@name, @me, @until)
        ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE leases.expires_at < @now OR leases.owner = @me
        RETURNING owner
        """;

    public string Owner => replica.Value;

    public TimeSpan Duration => duration;

    public async Task<bool> TryHoldAsync(string name, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        await using var command = database.Source.CreateCommand(Hold);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("me", Owner);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("until", (now + NodaTime.Duration.FromTimeSpan(duration)).ToUnixTimeMilliseconds());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = database.Source.CreateCommand("DELETE FROM leases WHERE name = @name AND owner = @me");
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("me", Owner);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
