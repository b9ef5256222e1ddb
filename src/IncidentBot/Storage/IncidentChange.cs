using IncidentBot.Outbox;

namespace IncidentBot.Storage;

/// <summary>
/// What a change to one incident produced: either nothing to store (a refusal), or the changed incident's outbox
/// messages, all committed together; <see cref="Result"/> goes back to the caller either way.
/// </summary>
public sealed record IncidentChange<T>(T Result, bool Commit, IReadOnlyList<OutboxMessage> Outbox);
