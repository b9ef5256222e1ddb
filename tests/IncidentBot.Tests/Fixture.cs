using System.Text.Json;

namespace IncidentBot.Tests;

/// <summary>Reads the Slack sample payloads copied under Fixtures/.</summary>
internal static class Fixture
{
    public static string Text(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static JsonDocument Json(string relativePath) => JsonDocument.Parse(Text(relativePath));
}
