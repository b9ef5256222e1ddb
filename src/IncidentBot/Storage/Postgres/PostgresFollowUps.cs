using LiteDB;
using Npgsql;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// Outbox messages queued inside another write's transaction. Each takes its id from the outbox's sequence before its
/// body is written, so the body keeps the id the row has, as on LiteDB. The incident's row is locked first: every write
/// that queues messages for one incident takes its ids and commits one after another, so the outbox never sees a lane's
/// later id commit before an earlier one.
/// </summary>
internal static class PostgresFollowUps
{
    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BsonMapper mapper, IReadOnlyList<OutboxMessage> messages)
    {
        foreach (var incident in messages.Select(m => m.IncidentId.Value).Distinct().Order())
        {
            await using var lockIncident = new NpgsqlCommand("SELECT 1 FROM incidents WHERE id = @incident FOR UPDATE", connection, transaction);
            lockIncident.Parameters.AddWithValue("incident", incident);
            await lockIncident.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        if (messages.Count == 0)
        {
            return;
        }

        var ids = new List<long>(messages.Count);
        await using (var next = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('outbox', 'id')) FROM generate_series(1, @count)", connection, transaction))
        {
            next.Parameters.AddWithValue("count", messages.Count);
            await using var reader = await next.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        ids.Sort();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (message, id) in messages.Zip(ids))
        {
            message.Id = id;
            var insert = new NpgsqlBatchCommand("INSERT INTO outbox (id, incident, lane, state, body) VALUES ($1, $2, $3, $4, $5)");
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = message.IncidentId.Value });
            insert.Parameters.Add(new NpgsqlParameter { Value = message.Lane });
            insert.Parameters.Add(new NpgsqlParameter { Value = message.State.ToString() });
            insert.Parameters.Add(new NpgsqlParameter { Value = PostgresBodies.Write(mapper, message) });
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
