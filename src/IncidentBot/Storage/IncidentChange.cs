namespace IncidentBot.Storage;

/// <summary>
/// What a change to one incident produced: either nothing to store of the incident (a refusal; <see cref="Outbox"/> may
/// still say why to someone), or the changed incident with its outbox messages, all committed together;
/// <see cref="Result"/> goes back to the caller either way.
/// </summary>
public sealed record IncidentChange<T>(T Result, bool Commit, IReadOnlyList<OutboxMessage> Outbox)
{
    /// <summary>What the audit entry says came of it; null keeps the outcome the entry was given.</summary>
    public string? Outcome { get; init; }

    /// <summary>This change, with <paramref name="outcome"/> as the audit entry's outcome.</summary>
    public IncidentChange<T> Noting(string outcome) => this with { Outcome = outcome };
}
