using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>The emulated Slack's own addresses: the Web API the bot calls, the upload URLs, and the response_url of each command.</summary>
internal static class SandboxApiEndpoints
{
    public static void MapApi(RouteGroupBuilder group)
    {
        group.MapPost("/api/{method}", CallAsync);
        group.MapPost("/upload/{fileId}", UploadAsync);
        group.MapPost("/respond/{token}", RespondAsync);
    }

    private static async Task<IResult> CallAsync(string method, HttpRequest request, EmulatedWorkspace workspace, SandboxSession session)
    {
        var (args, bodyError) = await WebApiRequest.ReadArgsAsync(request, method).ConfigureAwait(false);
        var answer = AuthError(request, session) is { } refusal ? EmulatedWorkspace.Error(refusal)
            : bodyError is not null ? EmulatedWorkspace.Error(bodyError)
            : workspace.Invoke(method, args);
        return Results.Content(answer.ToJsonString(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> UploadAsync(string fileId, HttpRequest request, EmulatedWorkspace workspace)
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

    private static string? AuthError(HttpRequest request, SandboxSession session) =>
        WebApiRequest.BearerToken(request) is { Length: > 0 } token ? token == session.BotToken ? null : "invalid_auth" : "not_authed";
}
