using IncidentBot.Incidents;
using IncidentBot.Slack;
using Npgsql;
using NodaTime;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// The store's reads, each straight from the database: another replica may have changed any incident a moment ago, so
/// nothing is kept between calls.
/// </summary>
public sealed partial class PostgresIncidentStore
{
    public Incident? Find(IncidentId id) =>
        Incidents("SELECT body FROM incidents WHERE id = @id", ("id", id.Value)).SingleOrDefault();

    public Incident? FindByWarRoom(SlackChannelId channelId) =>
        Incidents("SELECT body FROM incidents WHERE war_room = @war_room ORDER BY id LIMIT 1", ("war_room", channelId.Value)).SingleOrDefault();

    public IReadOnlyList<Incident> ListOpen() =>
        Incidents("SELECT body FROM incidents WHERE status = ANY(@statuses) ORDER BY id DESC", ("statuses", NotFinal));

    public IReadOnlyList<TimelineEntry> Timeline(IncidentId id) =>
        Rows("SELECT body FROM timeline WHERE incident = @id ORDER BY id", r => PostgresBodies.Read<TimelineEntry>(mapper, r.GetString(0)), ("id", id.Value));

    public IReadOnlyList<Incident> DeclaredBetween(Instant since, Instant until) =>
        Incidents(
            "SELECT body FROM incidents WHERE declared_at >= @since AND declared_at < @until ORDER BY declared_at, id",
            ("since", since.ToUnixTimeMilliseconds()),
            ("until", until.ToUnixTimeMilliseconds()));

    public IReadOnlyList<AuditEntry> AuditLog(IncidentId? incidentId) => incidentId is { } incident
        ? Rows("SELECT id, body FROM audit WHERE incident = @incident ORDER BY id", r => PostgresRows.ReadAudit(mapper, r.GetInt64(0), r.GetString(1)), ("incident", incident.Value))
        : Rows("SELECT id, body FROM audit ORDER BY id", r => PostgresRows.ReadAudit(mapper, r.GetInt64(0), r.GetString(1)));

    public IReadOnlyList<OutboxMessage> PendingOutbox() =>
        Rows("SELECT id, body FROM outbox WHERE state = 'Pending' ORDER BY id", r => PostgresRows.ReadOutbox(mapper, r.GetInt64(0), r.GetString(1)));

    public IReadOnlyList<(IncidentId Incident, int Lane)> PendingLanes() =>
        Rows("SELECT DISTINCT incident, lane FROM outbox WHERE state = 'Pending'", r => (new IncidentId(r.GetInt32(0)), r.GetInt32(1)));

    public IReadOnlyList<OutboxMessage> PendingInLane(IncidentId incidentId, int lane, int max) =>
        Rows(
            "SELECT id, body FROM outbox WHERE incident = @incident AND lane = @lane AND state = 'Pending' ORDER BY id LIMIT @max",
            r => PostgresRows.ReadOutbox(mapper, r.GetInt64(0), r.GetString(1)),
            ("incident", incidentId.Value),
            ("lane", lane),
            ("max", max));

    public IReadOnlyList<Incident> DueForReminder(Instant now) =>
        Incidents(
            "SELECT body FROM incidents WHERE next_update_due <= @now AND status = ANY(@statuses) AND war_room IS NOT NULL ORDER BY id",
            ("now", now.ToUnixTimeMilliseconds()),
            ("statuses", Open))
        .Where(i => !i.RemindersStopped)
        .ToList();

    public Instant? NextReminderDue()
    {
        // Earliest first: the first whose reminders are on is the answer, and the rest are never read.
        using var command = Command("SELECT body FROM incidents WHERE next_update_due IS NOT NULL AND status = ANY(@statuses) AND war_room IS NOT NULL ORDER BY next_update_due", ("statuses", Open));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (PostgresBodies.Read<Incident>(mapper, reader.GetString(0)) is { RemindersStopped: false } due)
            {
                return due.NextUpdateDue;
            }
        }

        return null;
    }

    private List<Incident> Incidents(string sql, params (string Name, object Value)[] parameters) =>
        Rows(sql, r => PostgresBodies.Read<Incident>(mapper, r.GetString(0)), parameters);

    private List<T> Rows<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        List<T> rows = [];
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private NpgsqlCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = source.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
