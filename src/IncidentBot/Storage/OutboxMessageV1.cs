namespace IncidentBot.Storage;

/// <summary>
/// The shared fields every outbox message had before steps got typed payloads. Documents stored then are upgraded once,
/// at start (see <c>Outbox.OutboxUpgrade</c>): each step turns the fields it used into its payload.
/// </summary>
public sealed record OutboxMessageV1(string? Text, string? BlocksJson, IReadOnlyList<string> Users, string? TargetTs, string? Target, string? NoteKey)
{
    /// <summary>The pre-rendered blocks, or none.</summary>
    public System.Text.Json.Nodes.JsonArray Blocks => BlocksJson is null ? [] : System.Text.Json.Nodes.JsonNode.Parse(BlocksJson)!.AsArray();
}
