using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>Tolerant readers for Slack's JSON: absent or null fields are null, not exceptions.</summary>
public static class SlackJson
{
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    /// <summary>
    /// False when some string or property name in <paramref name="element"/> cannot be read as text (a lone surrogate
    /// such as <c>"\ud800"</c>, bytes that are not UTF-8), which every reader would otherwise throw on, one at a time.
    /// </summary>
    public static bool IsReadable(JsonElement element)
    {
        try
        {
            return Readable(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool Readable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            case JsonValueKind.Object:
                return element.EnumerateObject().All(p => p.Name is not null && Readable(p.Value));
            case JsonValueKind.Array:
                return element.EnumerateArray().All(e => Readable(e));
            default:
                return true;
        }
    }

    public static string RequiredString(JsonElement element, string name)
    {
        var value = Text(element, name);
        return string.IsNullOrEmpty(value) ? throw new JsonException($"'{name}' is missing") : value;
    }
}
