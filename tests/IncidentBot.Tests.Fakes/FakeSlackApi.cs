using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// A Slack Web API on 127.0.0.1 for tests: answers <c>POST {BaseUrl}{method}</c> the way Slack does (HTTP 200 with
/// <c>ok</c> true or false), keeps a small workspace's state, records every call, and injects 429s, 5xx answers, Slack
/// errors and slow answers on request.
/// </summary>
public sealed partial class FakeSlackApi : IAsyncDisposable
{
    public const string BotUserId = "UBOT0001";
    public const string BotId = "B0001";
    public const string TeamId = "T0001";

    /// <summary>The creator of channels seeded with <see cref="AddChannel"/>: someone other than the bot.</summary>
    public const string HumanUserId = "UHUMAN0001";

    // Slack reads only form (or query) arguments for these; a JSON body is ignored, so the fake ignores it too.
    private static readonly FrozenSet<string> FormOnlyMethods = FrozenSet.Create(
        StringComparer.Ordinal,
        "auth.test", "conversations.list", "conversations.history", "conversations.replies", "chat.getPermalink", "users.info", "usergroups.users.list");

    private readonly Lock gate = new();
    private readonly WebApplication app;
    private readonly FakeSlackWorkspace workspace = new(TimeProvider.System);

    /// <summary>The clock of the call log and of injected delays: a test's fake time moves them without sleeping.</summary>
    private readonly TimeProvider time;

    private FakeSlackApi(WebApplication app, TimeProvider time)
    {
        this.app = app;
        this.time = time;
        app.MapPost("/api/{method}", HandleAsync);
        app.MapPost("/upload/{fileId}", UploadAsync);
    }

    /// <summary>Where the bot's <c>Slack:ApiBaseUrl</c> should point, e.g. <c>http://127.0.0.1:PORT/api/</c>.</summary>
    public Uri BaseUrl =>
        new(new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()), "api/");

    /// <param name="time">Stamps the call log and waits out <see cref="DelayNext"/>; the system's unless given.</param>
    public static async Task<FakeSlackApi> StartAsync(TimeProvider? time = null)
    {
        // The empty builder reads no appsettings.json or ASPNETCORE_* variables, so the bot's own settings copied
        // into the test output cannot move or reconfigure the fake.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var fake = new FakeSlackApi(builder.Build(), time ?? TimeProvider.System);
        await fake.app.StartAsync();
        fake.workspace.UploadBase = new Uri(fake.BaseUrl, "/upload/");
        return fake;
    }

    /// <summary>How long every answer takes on top of any injected delay, as a slow or distant Slack would; zero by default.</summary>
    public TimeSpan Latency { get; set; }

    public IReadOnlyList<FakeChannel> Channels => Locked(workspace.Channels);

    /// <summary>A channel by id or name; throws, listing the channels there are, when there is none.</summary>
    public FakeChannel Channel(string idOrName) => Locked(() => workspace.Find(idOrName));

    /// <summary>A channel's messages in posting order, thread replies included.</summary>
    public IReadOnlyList<FakeMessage> Messages(string channel) => Locked(() => workspace.Messages(channel));

    /// <summary>What the bot sent <paramref name="user"/> in a direct message, in posting order.</summary>
    public IReadOnlyList<FakeMessage> DirectMessages(string user) => Locked(() => workspace.DirectMessages(user));

    /// <summary>The ts of each pinned message, in pinning order.</summary>
    public IReadOnlyList<string> Pins(string channel) => Locked(() => workspace.Pins(channel));

    public IReadOnlyList<FakeReaction> Reactions(string channel) => Locked(() => workspace.Reactions(channel));

    public IReadOnlyList<FakeBookmark> Bookmarks(string channel) => Locked(() => workspace.Bookmarks(channel));

    public IReadOnlyList<FakeEphemeral> Ephemerals(string channel) => Locked(() => workspace.Ephemerals(channel));

    /// <summary>Seeds a channel someone else made, as if it existed before the test; the bot is a member unless told otherwise.</summary>
    public FakeChannel AddChannel(string name, bool isPrivate = false, bool botIsMember = true) =>
        Locked(() => workspace.AddChannel(name, isPrivate, HumanUserId, botIsMember));

    /// <summary>Seeds a person for users.info: their handle (<c>alice</c>) and time zone (<c>America/New_York</c>).</summary>
    public void AddUser(string id, string name, string timeZone = "Europe/Berlin") =>
        Locked(() =>
        {
            workspace.AddUser(id, name, timeZone);
            return id;
        });

    /// <summary>From now on users.info answers <c>user_not_found</c> for <paramref name="id"/>.</summary>
    public void ForgetUser(string id) =>
        Locked(() =>
        {
            workspace.ForgetUser(id);
            return id;
        });

    /// <summary>Seeds a message a person posted, for the bot to find in history or replies.</summary>
    /// <summary>A user group (S…) whose members <c>usergroups.users.list</c> returns.</summary>
    public void AddUserGroup(string id, params string[] members)
    {
        lock (gate)
        {
            workspace.AddUserGroup(id, members);
        }
    }

    public FakeMessage AddMessage(string channel, string user, string text, string? threadTs = null) =>
        Locked(() => workspace.AddMessage(channel, user, text, threadTs));

    public async ValueTask DisposeAsync()
    {
        // Stopping cancels answers still being delayed, so this does not wait for them.
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private T Locked<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var method = (string)http.Request.RouteValues["method"]!;
        var (args, bodyError) = await ReadArgsAsync(http.Request, method);
        FakeSlackFault? fault;
        JsonObject? answer = null;
        lock (gate)
        {
            var refusal = AuthError(http.Request, method) ?? bodyError;
            fault = refusal is null ? TakeFault(method) : null;
            Record(new RecordedCall(method, args, time.GetUtcNow(), fault));
            if ((refusal ?? fault?.SlackError) is { } error)
            {
                answer = FakeSlackWorkspace.Error(error);
            }
            else if (fault is null || fault.ApplyBeforeDelay)
            {
                answer = workspace.Invoke(method, args);
            }
        }

        if (fault?.StatusCode is { } status)
        {
            await WriteStatusAsync(http.Response, status, fault.RetryAfter);
            return;
        }

        if (fault?.Delay is { } delay && !await DelayAsync(http, delay))
        {
            return;
        }

        if (Latency > TimeSpan.Zero && !await DelayAsync(http, Latency))
        {
            return;
        }

        if (answer is null)
        {
            lock (gate)
            {
                answer = workspace.Invoke(method, args);
            }
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    private static async Task<(JsonObject Args, string? Error)> ReadArgsAsync(HttpRequest request, string method)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return (new JsonObject(form.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value.ToString()))), null);
        }

        if (!request.HasJsonContentType() || FormOnlyMethods.Contains(method))
        {
            return ([], null);
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<JsonNode>(request.Body);
            return body is JsonObject args ? (args, null) : ([], "json_not_object");
        }
        catch (JsonException)
        {
            return ([], "invalid_json");
        }
    }

    private static string? AuthError(HttpRequest request, string method)
    {
        const string Bearer = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? header[Bearer.Length..].Trim() : "";

        // apps.connections.open takes the app-level token; every other method the bot token.
        var kind = method == "apps.connections.open" ? "xapp-" : "xoxb-";
        return token.Length == 0 ? "not_authed" : token.StartsWith(kind, StringComparison.Ordinal) ? null : "invalid_auth";
    }

    private static async Task WriteStatusAsync(HttpResponse response, int status, TimeSpan? retryAfter)
    {
        response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (status == StatusCodes.Status429TooManyRequests)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(FakeSlackWorkspace.Error("ratelimited").ToJsonString());
        }
        else
        {
            await response.WriteAsync($"fake Slack: injected HTTP {status}");
        }
    }

    /// <summary>Waits out an injected delay; false when the caller gave up or the fake is stopping, as nobody hears the answer then.</summary>
    private async Task<bool> DelayAsync(HttpContext http, TimeSpan delay)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(delay, time, cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            http.Abort();
            return false;
        }
    }
}
