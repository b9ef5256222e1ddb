namespace IncidentBot.Tests.Fuzz;

/// <summary>
/// One generated request: where it goes, its body and content type, how its signature headers are made, and what the
/// generator did to it (printed with a failure, so the input is named).
/// </summary>
internal sealed record FuzzCase(int Index, string Path, string? ContentType, byte[] Body, FuzzHeaders Headers, string Description);
