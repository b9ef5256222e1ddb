using System.Text.Json;
using NodaTime;

namespace IncidentBot.Alerts;

/// <summary>Reads the fields of a source's JSON that may be missing or of another kind, without throwing.</summary>
internal static class AlertJson
{
    /// <summary>The string at <paramref name="path"/> below <paramref name="element"/>; null when any step is missing, not an object, or not a non-empty string.</summary>
    public static string? Text(JsonElement element, params string[] path)
    {
        var at = element;
        foreach (var name in path)
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at))
            {
                return null;
            }
        }

        return at.ValueKind == JsonValueKind.String && at.GetString() is { Length: > 0 } text ? text : null;
    }

    /// <summary>The member <paramref name="name"/> when it is of <paramref name="kind"/>.</summary>
    public static JsonElement? Member(JsonElement element, string name, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var member) && member.ValueKind == kind ? member : null;

    /// <summary>An object's string members (others left out), as labels.</summary>
    public static Dictionary<string, string> Strings(JsonElement? element)
    {
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (element is { ValueKind: JsonValueKind.Object } obj)
        {
            foreach (var property in obj.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                labels[property.Name] = property.Value.GetString() ?? "";
            }
        }

        return labels;
    }

    /// <summary>An ISO 8601 time; null when missing, unreadable, or Go's zero time that Alertmanager sends for "not yet".</summary>
    public static Instant? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) && at.Year > 1
            ? Instant.FromDateTimeOffset(at)
            : null;
}
