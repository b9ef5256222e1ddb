using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>One level of the configured severity scheme; <see cref="Rank"/> 0 is the most severe.</summary>
public sealed record Severity(string Name, IReadOnlyList<string> Aliases, string Description, Duration UpdateInterval, bool PostmortemRequired, int Rank);
