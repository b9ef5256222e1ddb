using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Sandbox;

/// <summary>The emulated Slack's own addresses: the Web API the bot calls, the upload URLs, and the response_url of each command.</summary>
internal static class SandboxApiEndpoints
{
    // Slack reads only form (or query) arguments for these; a JSON body is ignored.
    private static readonly FrozenSet<string> FormOnlyMethods = FrozenSet.Create(
        StringComparer.Ordinal, "auth.test", "conversations.list", "conversations.history", "conversations.replies", "chat.getPermalink", "users.info");

    public static void MapApi(RouteGroupBuilder group)
    {
        group.MapPost("/api/{method}", CallAsync);
        group.MapPost("/upload/{fileId}", UploadAsync);
        group.MapPost("/respond/{token}", RespondAsync);
    }

    private static async Task<IResult> CallAsync(string method, HttpRequest request, SandboxWorkspace workspace, SandboxSession session)
    {
        var (args, bodyError) = await ReadArgsAsync(request, method).ConfigureAwait(false);
        var answer = AuthError(request, session) is { } refusal ? SandboxWorkspace.Error(refusal)
            : bodyError is not null ? SandboxWorkspace.Error(bodyError)
            : workspace.Invoke(method, args);
        return Results.Content(answer.ToJsonString(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> UploadAsync(string fileId, HttpRequest request, SandboxWorkspace workspace)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return workspace.Receive(fileId, buffer.ToArray()) ? Results.Text($"OK - {buffer.Length}") : Results.NotFound();
    }

    private static async Task<IResult> RespondAsync(string token, HttpRequest request, SlackEmulator slack)
    {
        var body = await SandboxPageEndpoints.ReadJsonAsync(request).ConfigureAwait(false);
        if (body is null)
        {
            return Results.BadRequest("invalid_payload");
        }

        return slack.Respond(token, body) ? Results.Text("ok") : Results.NotFound("expired_url");
    }

    private static async Task<(JsonObject Args, string? Error)> ReadArgsAsync(HttpRequest request, string method)
    {
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

    private static string? AuthError(HttpRequest request, SandboxSession session)
    {
        const string Bearer = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? header[Bearer.Length..].Trim() : "";
        return token.Length == 0 ? "not_authed" : token == session.BotToken ? null : "invalid_auth";
    }
}
