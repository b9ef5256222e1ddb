using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// Reads Web API arguments the way Slack does, whichever body they came in: a JSON body carries typed values, a form
/// body only strings, with blocks, metadata and views as JSON text.
/// </summary>
internal static class SlackArgs
{
    public static string? String(JsonObject args, string name) => args[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    /// <summary>An optional argument; Slack clients often send an empty string for "not given".</summary>
    public static string? NonEmpty(JsonObject args, string name) => String(args, name) is { Length: > 0 } value ? value : null;

    public static bool Bool(JsonObject args, string name) => String(args, name) is "true" or "1";

    public static int? Int(JsonObject args, string name) =>
        int.TryParse(String(args, name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static JsonNode? Json(JsonObject args, string name)
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
            // Left as the string it was, so the caller's shape check rejects it with the method's own error.
            return node;
        }
    }
}
