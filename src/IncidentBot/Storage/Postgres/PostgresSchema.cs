namespace IncidentBot.Storage.Postgres;

/// <summary>
/// The bot's tables in PostgreSQL, as numbered migrations. A database is at the version of the last migration applied
/// (table <c>schema_migrations</c>); at start the bot applies the ones after it, in order, each in one transaction. A
/// migration once released is never edited: a change to the schema is a new one at the end.
/// </summary>
/// <remarks>
/// A row keeps the document the LiteDB store keeps (<see cref="BsonMappings"/>, as JSON text in <c>body</c>), so both
/// stores store one shape; the columns beside it are what the queries look up by. <c>text</c>, not <c>jsonb</c>: user
/// text may hold characters jsonb refuses (U+0000), and nothing queries inside a body.
/// </remarks>
public static class PostgresSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: the store: incidents, their timeline, the outbox, the audit log, the scribe's notes, the message copies,
        // the numbering, and small documents of the features (alert offers, upload progress).
        """
        CREATE TABLE counters (name text PRIMARY KEY, next bigint NOT NULL);
        CREATE TABLE incidents (
            id integer PRIMARY KEY,
            status text NOT NULL,
            war_room text,
            next_update_due bigint,
            declared_at bigint NOT NULL,
            body text NOT NULL);
        CREATE INDEX incidents_status ON incidents (status);
        CREATE INDEX incidents_war_room ON incidents (war_room);
        CREATE INDEX incidents_next_update_due ON incidents (next_update_due);
        CREATE INDEX incidents_declared_at ON incidents (declared_at);
        CREATE TABLE timeline (id bigserial PRIMARY KEY, incident integer NOT NULL, body text NOT NULL);
        CREATE INDEX timeline_incident ON timeline (incident, id);
        CREATE TABLE outbox (
            id bigserial PRIMARY KEY,
            incident integer NOT NULL,
            lane integer NOT NULL,
            state text NOT NULL,
            body text NOT NULL);
        CREATE INDEX outbox_pending ON outbox (incident, lane, id) WHERE state = 'Pending';
        CREATE INDEX outbox_incident ON outbox (incident);
        CREATE TABLE audit (id bigserial PRIMARY KEY, incident integer, body text NOT NULL);
        CREATE INDEX audit_incident ON audit (incident, id);
        CREATE TABLE notes (key text PRIMARY KEY, incident integer NOT NULL, body text NOT NULL);
        CREATE INDEX notes_incident ON notes (incident);
        CREATE TABLE messages (key text PRIMARY KEY, body text NOT NULL);
        CREATE TABLE documents (collection text NOT NULL, id text NOT NULL, body text NOT NULL, PRIMARY KEY (collection, id));
        """,

        // 2: what replicas share beyond the store: leases (the scheduler's leader, each outbox lane's deliverer) and the
        // inbound deliveries already taken, so a retry that reaches another replica is handled once.
        """
        CREATE TABLE leases (name text PRIMARY KEY, owner text NOT NULL, expires_at bigint NOT NULL);
        CREATE TABLE deliveries (id text PRIMARY KEY, state text NOT NULL, owner text NOT NULL, at bigint NOT NULL, answer text);
        CREATE INDEX deliveries_at ON deliveries (at);
        """,
    ];
}
