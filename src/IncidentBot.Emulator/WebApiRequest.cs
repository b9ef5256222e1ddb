using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Emulator;

/// <summary>A Web API request as Slack reads it: the arguments from a form or a JSON body, and the bearer token.</summary>
public static class WebApiRequest
{
    // Slack reads only form (or query) arguments for these; a JSON body is ignored.
    private static readonly FrozenSet<string> FormOnlyMethods = FrozenSet.Create(
        StringComparer.Ordinal, "auth.test", "conversations.list", "conversations.history", "conversations.replies", "chat.getPermalink", "users.info", "users.lookupByEmail", "usergroups.list", "usergroups.users.list");

    /// <summary>The call's arguments (a form body becomes an object of strings), or the error Slack answers a bad body with.</summary>
    public static async Task<(JsonObject Args, string? Error)> ReadArgsAsync(HttpRequest request, string method)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            return (new JsonObject(form.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value.ToString()))), null);
        }

        if (!request.HasJsonContentType() || FormOnlyMethods.Contains(method))
        {
            return ([], null);
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<JsonNode>(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            return body is JsonObject args ? (args, null) : ([], "json_not_object");
        }
        catch (JsonException)
        {
            return ([], "invalid_json");
        }
    }

    /// <summary>The token of the <c>Authorization: Bearer</c> header; empty when there is none.</summary>
    public static string BearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Bearer = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? header[Bearer.Length..].Trim() : "";
    }
}
