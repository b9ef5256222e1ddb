using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// A message in a channel: <see cref="ThreadTs"/> is set on thread replies only, <see cref="EditedTs"/> once chat.update
/// changed it. Treat the JSON nodes as read-only.
/// </summary>
public sealed record FakeMessage(
    string Channel,
    string Ts,
    string User,
    string Text,
    JsonArray? Blocks,
    JsonObject? Metadata,
    string? ThreadTs,
    string? EditedTs);
