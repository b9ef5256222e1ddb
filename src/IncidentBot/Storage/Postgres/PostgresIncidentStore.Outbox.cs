using IncidentBot.Incidents;
using Npgsql;

namespace IncidentBot.Storage.Postgres;

/// <summary>What the outbox writes back: its messages' progress, and what its steps learnt in Slack, onto the latest copy of the incident.</summary>
public sealed partial class PostgresIncidentStore
{
    public async Task FailPendingAsync(IncidentId incidentId, string reason)
    {
        await WriteAsync(async connection =>
        {
            List<OutboxMessage> pending = [];
            await using (var read = new NpgsqlCommand("SELECT id, body FROM outbox WHERE incident = @incident AND state = 'Pending' ORDER BY id FOR UPDATE", connection))
            {
                read.Parameters.AddWithValue("incident", incidentId.Value);
                var reader = await read.ExecuteReaderAsync().ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync().ConfigureAwait(false))
                    {
                        pending.Add(PostgresRows.ReadOutbox(mapper, reader.GetInt64(0), reader.GetString(1)));
                    }
                }
            }

            // Only what needs the war room fails with it; webhooks and pagers do not depend on Slack.
            foreach (var message in pending.Where(m => m.NeedsWarRoom))
            {
                message.State = OutboxState.Failed;
                message.Error = reason;
                await PostgresRows.UpdateOutboxAsync(connection, mapper, message).ConfigureAwait(false);
            }

            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>PostgreSQL stores were never written before typed payloads: nothing to upgrade.</summary>
    public Task<int> UpgradeOutboxAsync(Func<OutboxMessage, OutboxMessageV1, bool> upgrade) => Task.FromResult(0);

    public async Task SaveOutboxAsync(OutboxMessage message, WarRoom? warRoom = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        await WriteAsync(async connection =>
        {
            await PostgresRows.UpdateOutboxAsync(connection, mapper, message).ConfigureAwait(false);
            if (warRoom is not null && await LockedAsync(connection, message.IncidentId).ConfigureAwait(false) is { } latest)
            {
                latest.UseWarRoom(warRoom);
                await WriteIncidentAsync(connection, latest, insert: false).ConfigureAwait(false);
            }

            return true;
        }).ConfigureAwait(false);
        if (warRoom is not null)
        {
            // A war room just created makes its incident's reminder due: the scheduler must plan for it now.
            signals.Incidents.Notify();
        }
    }

    public async Task LearnAsync(IncidentId id, Action<Incident> learnt)
    {
        ArgumentNullException.ThrowIfNull(learnt);
        await WriteAsync(async connection =>
        {
            if (await LockedAsync(connection, id).ConfigureAwait(false) is { } latest)
            {
                learnt(latest);
                await WriteIncidentAsync(connection, latest, insert: false).ConfigureAwait(false);
            }

            return true;
        }).ConfigureAwait(false);

        // What is due may depend on it (an announcement to keep current): the scheduler plans again.
        signals.Incidents.Notify();
    }
}
