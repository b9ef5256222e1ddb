using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>
/// What the page calls: its own files, the workspace as one person sees it, a stream of change notices, and what that
/// person does. Every write takes a JSON body, so another site cannot post to it from a browser without a CORS preflight.
/// </summary>
internal static class SandboxPageEndpoints
{
    private static readonly string[] Assets = ["index.html", "sandbox.css", "sandbox.js", "favicon.svg"];

    public static void MapPage(IEndpointRouteBuilder app, RouteGroupBuilder group)
    {
        app.MapGet("/", () => Asset("index.html"));

        // Browsers ask for it before reading the page's icon link.
        app.MapGet("/favicon.ico", () => Asset("favicon.svg"));

        // Permalinks (chat.getPermalink) point here; the page opens the channel at that message.
        app.MapGet("/archives/{channel}/{message}", () => Asset("index.html"));
        group.MapGet("/{asset}", (string asset) => Assets.Contains(asset) ? Asset(asset) : Results.NotFound());
        group.MapGet("/state", State);
        group.MapGet("/stream", StreamAsync);
        group.MapGet("/files/{fileId}", File);
        group.MapPost("/compose", (HttpRequest request, EmulatedWorkspace workspace, SlackEmulator slack) =>
            ActAsync(request, workspace, async (user, channel, body, ct) =>
            {
                var text = (SlackArgs.Text(body, "text") ?? "").Trim();
                if (text.Length == 0)
                {
                    return;
                }

                if (text.StartsWith('/'))
                {
                    await slack.CommandAsync(user, channel, text, ct).ConfigureAwait(false);
                }
                else
                {
                    workspace.PostAs(user, channel.Id, text, SlackArgs.Given(body, "threadTs"));
                }
            }));
        group.MapPost("/actions", (HttpRequest request, EmulatedWorkspace workspace, SlackEmulator slack) =>
            ActAsync(request, workspace, (user, channel, body, ct) =>
                body["action"] is JsonObject action
                    ? slack.BlockActionAsync(user, channel, SlackArgs.Text(body, "ts") ?? "", (JsonObject)action.DeepClone(), ct)
                    : throw new SlackErrorException("invalid_arguments")));
        group.MapPost("/reactions", (HttpRequest request, EmulatedWorkspace workspace) =>
            ActAsync(request, workspace, (user, channel, body, _) =>
            {
                workspace.ToggleReaction(user, channel.Id, SlackArgs.Text(body, "ts") ?? "", SlackArgs.Text(body, "name") ?? "");
                return Task.CompletedTask;
            }));
        group.MapPost("/pins", (HttpRequest request, EmulatedWorkspace workspace) =>
            ActAsync(request, workspace, (user, channel, body, _) =>
            {
                workspace.PinAs(user, channel.Id, SlackArgs.Text(body, "ts") ?? "");
                return Task.CompletedTask;
            }));
        group.MapPost("/shortcuts", (HttpRequest request, EmulatedWorkspace workspace, SlackEmulator slack) =>
            ActAsync(request, workspace, (user, channel, body, ct) => slack.MessageShortcutAsync(user, channel, SlackArgs.Text(body, "ts") ?? "", SlackArgs.Text(body, "callbackId") ?? "", ct)));
        group.MapPost("/home", (HttpRequest request, EmulatedWorkspace workspace, SlackEmulator slack) =>
            ActAsync(request, workspace, (user, _, _, ct) => slack.OpenHomeAsync(user, ct)));
        group.MapPost("/views/{viewId}/submit", SubmitAsync);
        group.MapPost("/views/{viewId}/close", CloseAsync);
    }

    /// <summary>The request's JSON object; null when it is not JSON or not an object.</summary>
    public static async Task<JsonObject?> ReadJsonAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<JsonNode>(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Asset(string name)
    {
        var stream = typeof(SandboxPageEndpoints).Assembly.GetManifestResourceStream($"IncidentBot.Sandbox.wwwroot.{name}");
        if (stream is null)
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "text/html; charset=utf-8",
        };
        return Results.Stream(stream, type);
    }

    /// <summary>The workspace as <paramref name="user"/> sees it; a page that has not picked anyone yet is the first person.</summary>
    private static IResult State(string? user, string? channel, EmulatedWorkspace workspace, SandboxChanges changes) =>
        Results.Content(SandboxSnapshot.Of(workspace, changes.Version, Person(user) ?? SandboxDirectory.People[0], channel).ToJsonString(), "application/json; charset=utf-8");

    /// <summary>Server-sent events: one <c>change</c> whenever the workspace changes, so the page refreshes without reloading.</summary>
    private static async Task StreamAsync(HttpContext context, SandboxChanges changes, IHostApplicationLifetime lifetime)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var seen = changes.Version;
        try
        {
            await context.Response.WriteAsync($"event: change\ndata: {seen}\n\n", stop.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                // A comment line every 15 s keeps proxies from closing a quiet stream.
                await Task.WhenAny(changes.WaitAsync(seen, stop.Token), Task.Delay(TimeSpan.FromSeconds(15), stop.Token)).ConfigureAwait(false);
                stop.Token.ThrowIfCancellationRequested();
                var now = changes.Version;
                var line = now == seen ? ": keep-alive\n\n" : string.Create(CultureInfo.InvariantCulture, $"event: change\ndata: {now}\n\n");
                seen = now;
                await context.Response.WriteAsync(line, stop.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the bot is stopping: the stream simply ends.
        }
    }

    private static IResult File(string fileId, EmulatedWorkspace workspace) =>
        workspace.SharedFile(fileId) is { } file
            // Shown in the browser rather than downloaded: the post-mortem draft is Markdown, which reads fine as text.
            ? Results.File(file.Content!, file.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "text/plain; charset=utf-8" : "application/octet-stream")
            : Results.NotFound();

    private static async Task<IResult> SubmitAsync(string viewId, HttpRequest request, EmulatedWorkspace workspace, SlackEmulator slack)
    {
        var body = await ReadJsonAsync(request).ConfigureAwait(false);
        if (body is null || Person(SlackArgs.Text(body, "user")) is not { } user || body["values"] is not JsonObject values)
        {
            return Results.BadRequest(Refusal("invalid_arguments"));
        }

        if (workspace.OpenViewOf(viewId, user.Id) is not { } view)
        {
            return Results.NotFound(Refusal("view_not_found"));
        }

        try
        {
            var errors = await slack.SubmitViewAsync(user, view, (JsonObject)values.DeepClone(), request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Results.Json(new JsonObject { ["ok"] = true, ["errors"] = errors });
        }
        catch (SlackErrorException e)
        {
            return Results.BadRequest(Refusal(e.Message));
        }
    }

    private static async Task<IResult> CloseAsync(string viewId, HttpRequest request, EmulatedWorkspace workspace)
    {
        var body = await ReadJsonAsync(request).ConfigureAwait(false);
        if (body is null || Person(SlackArgs.Text(body, "user")) is not { } user || workspace.OpenViewOf(viewId, user.Id) is null)
        {
            return Results.NotFound(Refusal("view_not_found"));
        }

        workspace.CloseView(viewId);
        return Results.Json(new JsonObject { ["ok"] = true });
    }

    /// <summary>Runs what a person did in a channel; Slack's error code comes back to the page as a 400.</summary>
    private static async Task<IResult> ActAsync(HttpRequest request, EmulatedWorkspace workspace, Func<EmulatedUser, EmulatedChannel, JsonObject, CancellationToken, Task> act)
    {
        var body = await ReadJsonAsync(request).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (Person(SlackArgs.Text(body, "user")) is not { } user)
        {
            return Results.BadRequest(Refusal("user_not_found"));
        }

        if (workspace.FindChannel(SlackArgs.Text(body, "channel") ?? "") is not { } channel || (channel.IsPrivate && !channel.Members.Contains(user.Id)))
        {
            return Results.BadRequest(Refusal("channel_not_found"));
        }

        try
        {
            await act(user, channel, body, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Results.Json(new JsonObject { ["ok"] = true });
        }
        catch (SlackErrorException e)
        {
            return Results.BadRequest(Refusal(e.Message));
        }
    }

    private static EmulatedUser? Person(string? id) => SandboxDirectory.People.FirstOrDefault(p => p.Id == id);

    private static JsonObject Refusal(string error) => new() { ["ok"] = false, ["error"] = error };
}
