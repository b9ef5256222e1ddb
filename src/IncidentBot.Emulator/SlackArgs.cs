using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Emulator;

/// <summary>
/// A Web API call's arguments read as Slack reads them: a JSON body has typed values, a form body only strings, where
/// blocks, metadata and views arrive as JSON text.
/// </summary>
public static class SlackArgs
{
    public static string? Text(JsonObject args, string name) => args[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    /// <summary>An optional argument; clients often send an empty string for "not given".</summary>
    public static string? Given(JsonObject args, string name) => Text(args, name) is { Length: > 0 } value ? value : null;

    public static bool Flag(JsonObject args, string name) => Text(args, name) is "true" or "1";

    public static int? Number(JsonObject args, string name) =>
        int.TryParse(Text(args, name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A structured argument, parsed when it came as JSON text; left as it was when that text is not JSON.</summary>
    public static JsonNode? Structured(JsonObject args, string name)
    {
        var node = args[name];
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return node;
        }

        try
        {
            return JsonNode.Parse(v.GetValue<string>());
        }
        catch (JsonException)
        {
            return node;
        }
    }
}
