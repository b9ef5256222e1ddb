namespace IncidentBot.Storage;

public enum OutboxState
{
    Pending,
    Done,

    /// <summary>Slack refused it for good (e.g. channel_not_found); kept with its error for the operator.</summary>
    Failed,

    /// <summary>
    /// Set aside after <c>Outbox:MaxAttempts</c> failed attempts (dead-lettered), with its last error: its lane goes on
    /// without it, and an operator lists it and puts it back (<c>GET /admin/outbox</c>, <c>POST /admin/outbox/{id}/retry</c>).
    /// </summary>
    Parked,
}
