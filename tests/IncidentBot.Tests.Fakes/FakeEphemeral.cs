using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>A chat.postEphemeral message: only <see cref="User"/> saw it, and it never shows up in history.</summary>
public sealed record FakeEphemeral(string Channel, string User, string MessageTs, string Text, JsonArray? Blocks, string? ThreadTs);
