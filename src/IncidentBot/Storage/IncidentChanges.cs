namespace IncidentBot.Storage;

/// <summary>Shorthands for <see cref="IncidentChange{T}"/>.</summary>
public static class IncidentChanges
{
    /// <summary>Store nothing; only answer.</summary>
    public static IncidentChange<T> Keep<T>(T result) => new(result, false, []);

    /// <summary>Store nothing of the incident, only these messages (e.g. telling someone why it was refused).</summary>
    public static IncidentChange<T> Tell<T>(T result, params OutboxMessage[] outbox) => new(result, false, outbox);

    /// <summary>Store the incident with these outbox messages.</summary>
    public static IncidentChange<T> Save<T>(T result, params OutboxMessage[] outbox) => new(result, true, outbox);
}
