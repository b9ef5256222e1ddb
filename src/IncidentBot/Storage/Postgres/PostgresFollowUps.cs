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

        foreach (var message in messages)
        {
            await using var next = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('outbox', 'id'))", connection, transaction);
            message.Id = (long)(await next.ExecuteScalarAsync().ConfigureAwait(false))!;
            await using var insert = new NpgsqlCommand("INSERT INTO outbox (id, incident, lane, state, body) VALUES (@id, @incident, @lane, @state, @body)", connection, transaction);
            insert.Parameters.AddWithValue("id", message.Id);
            insert.Parameters.AddWithValue("incident", message.IncidentId.Value);
            insert.Parameters.AddWithValue("lane", message.Lane);
            insert.Parameters.AddWithValue("state", message.State.ToString());
            insert.Parameters.AddWithValue("body", PostgresBodies.Write(mapper, message));
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
