using IncidentBot.Slack.Inbound;
using Npgsql;
using NodaTime;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// <see cref="IDeliveryClaims"/> shared by every replica on one database: a claim is a row of <c>deliveries</c>, taken
/// with one insert that only one replica can win. A run that failed deletes its row, so Slack's retry runs it anywhere;
/// one that succeeded keeps it, with its answer, for an hour. A claim left in progress for longer than
/// <see cref="Stale"/> was left by a replica that died mid-run: the next delivery takes it over, so Slack's retry is not
/// lost with it. While the database cannot be reached nothing is claimed (<see cref="DeliveryClaimState.Busy"/>), so
/// Slack sends the delivery again, as it does when a handler's own write fails.
/// </summary>
public sealed partial class PostgresDeliveryClaims(PostgresDatabase database, IClock clock, ILogger<PostgresDeliveryClaims> logger) : IDeliveryClaims
{
    /// <summary>Longer than any handler runs; a retry of a claim in progress for this long runs it again.</summary>
    public static readonly Duration Stale = Duration.FromMinutes(1);

    /// <summary>Slack retries within minutes; rows older than this are pruned.</summary>
    public static readonly Duration Keep = Duration.FromHours(1);

    private const string InProgress = "in-progress";
    private const string Done = "done";

    /// <summary>This replica, as an operator finds it in the table: its host and process, and what tells two instances of one process apart.</summary>
    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private long nextPruneAt;

    public async Task<DeliveryClaim> ClaimAsync(string id)
    {
        try
        {
            return await TryClaimAsync(id).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            LogUnavailable(ex, "claim", id);
            return new DeliveryClaim(DeliveryClaimState.Busy);
        }
    }

    public async Task DoneAsync(string id, string? answer)
    {
        try
        {
            await using var command = database.Source.CreateCommand("UPDATE deliveries SET state = @done, answer = @answer, at = @now WHERE id = @id AND owner = @owner");
            command.Parameters.AddWithValue("done", Done);
            command.Parameters.AddWithValue("answer", (object?)answer ?? DBNull.Value);
            command.Parameters.AddWithValue("now", clock.GetCurrentInstant().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("owner", owner);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            // The claim stays in progress: a retry after Stale runs the handlers again, and each of them is idempotent.
            LogUnavailable(ex, "finish", id);
        }
    }

    public async Task ReleaseAsync(string id)
    {
        try
        {
            // Only this replica's claim: one taken over meanwhile belongs to the replica that took it.
            await using var command = database.Source.CreateCommand("DELETE FROM deliveries WHERE id = @id AND owner = @owner AND state = @state");
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("owner", owner);
            command.Parameters.AddWithValue("state", InProgress);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            // The claim stays in progress: the retry after Stale takes it over.
            LogUnavailable(ex, "release", id);
        }
    }

    private async Task<DeliveryClaim> TryClaimAsync(string id)
    {
        var now = clock.GetCurrentInstant();
        await PruneAsync(now).ConfigureAwait(false);
        await using var connection = await database.Source.OpenConnectionAsync().ConfigureAwait(false);

        // A run that failed may delete its row between the insert and the look: then the insert is tried once more.
        for (var attempt = 0; ; attempt++)
        {
            await using (var claim = new NpgsqlCommand(
                """
                INSERT INTO deliveries (id, state, owner, at) VALUES (@id, @state, @owner, @now)
                ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, at = excluded.at
                    WHERE deliveries.state = @state AND deliveries.at <= @stale
                """,
                connection))
            {
                claim.Parameters.AddWithValue("id", id);
                claim.Parameters.AddWithValue("state", InProgress);
                claim.Parameters.AddWithValue("owner", owner);
                claim.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
                claim.Parameters.AddWithValue("stale", (now - Stale).ToUnixTimeMilliseconds());
                if (await claim.ExecuteNonQueryAsync().ConfigureAwait(false) == 1)
                {
                    return new DeliveryClaim(DeliveryClaimState.Taken);
                }
            }

            await using var look = new NpgsqlCommand("SELECT state, answer FROM deliveries WHERE id = @id", connection);
            look.Parameters.AddWithValue("id", id);
            await using var reader = await look.ExecuteReaderAsync().ConfigureAwait(false);
            if (await reader.ReadAsync().ConfigureAwait(false))
            {
                return reader.GetString(0) == Done
                    ? new DeliveryClaim(DeliveryClaimState.Done, reader.IsDBNull(1) ? null : reader.GetString(1))
                    : new DeliveryClaim(DeliveryClaimState.Busy);
            }

            if (attempt > 0)
            {
                return new DeliveryClaim(DeliveryClaimState.Busy);
            }
        }
    }

    /// <summary>Every few minutes, by whichever claim comes first: rows older than <see cref="Keep"/> go.</summary>
    private async Task PruneAsync(Instant now)
    {
        var due = Interlocked.Read(ref nextPruneAt);
        var at = now.ToUnixTimeMilliseconds();
        if (at < due || Interlocked.CompareExchange(ref nextPruneAt, at + (long)Duration.FromMinutes(5).TotalMilliseconds, due) != due)
        {
            return;
        }

        await using var command = database.Source.CreateCommand("DELETE FROM deliveries WHERE at < @before");
        command.Parameters.AddWithValue("before", (now - Keep).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Action} Slack delivery {DeliveryId} in the database; Slack's retry handles it")]
    private partial void LogUnavailable(Exception ex, string action, string deliveryId);
}
