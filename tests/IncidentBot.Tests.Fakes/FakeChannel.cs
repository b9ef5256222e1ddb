using System.Collections.Immutable;

namespace IncidentBot.Tests.Fakes;

/// <summary>A channel as the fake workspace holds it; a snapshot, replaced rather than changed.</summary>
public sealed record FakeChannel(
    string Id,
    string Name,
    bool IsPrivate,
    bool IsArchived,
    string Topic,
    string Purpose,
    ImmutableSortedSet<string> Members,
    string Creator,
    DateTimeOffset Created);
