using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>Tolerant readers for Slack's JSON: absent or null fields are null, not exceptions.</summary>
public static class SlackJson
{
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    public static string RequiredString(JsonElement element, string name)
    {
        var value = Text(element, name);
        return string.IsNullOrEmpty(value) ? throw new JsonException($"'{name}' is missing") : value;
    }
}
