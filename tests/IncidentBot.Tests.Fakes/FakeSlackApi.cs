using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Emulator;
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
/// <c>ok</c> true or false) with the sandbox's emulated workspace (<see cref="EmulatedWorkspace"/>, in memory), records
/// every call, and injects 429s, 5xx answers, Slack errors and slow answers on request.
/// </summary>
public sealed partial class FakeSlackApi : IAsyncDisposable
{
    public const string BotUserId = "UBOT0001";
    public const string BotId = "B0001";
    public const string TeamId = "T0001";
    public const string AppId = "A0001";

    /// <summary>The creator of channels seeded with <see cref="AddChannel"/>: someone other than the bot.</summary>
    public const string HumanUserId = "UHUMAN0001";

    private static readonly EmulatedUser Bot = new(BotUserId, "incidentbot", "IncidentBot", IsBot: true);

    private readonly Lock gate = new();
    private readonly WebApplication app;
    private readonly LiteDB.LiteDatabase database = new(new MemoryStream());
    private readonly FakeDirectory people = new(Bot);
    private EmulatedWorkspace workspace = null!;

    /// <summary>The clock of the call log and of injected delays: a test's fake time moves them without sleeping.</summary>
    private readonly TimeProvider time;

    private FakeSlackApi(WebApplication app, TimeProvider time)
    {
        this.app = app;
        this.time = time;
        app.MapPost("/api/{method}", HandleAsync);
        app.MapPost("/upload/{fileId}", UploadAsync);
        app.MapPost("/respond/{token}", RespondAsync);
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
        var profile = new WorkspaceProfile(
            TeamId, "Fake Workspace", AppId, BotId, Bot, new Uri("https://fake-workspace.slack.com/"), new Uri(fake.BaseUrl, "/upload/"),
            AcceptUnissuedTriggers: true, SequentialIds: true, EphemeralsNeedMembership: false);
        fake.workspace = new EmulatedWorkspace(fake.database, profile, fake.people, TimeProvider.System);
        return fake;
    }

    /// <summary>How long every answer takes on top of any injected delay, as a slow or distant Slack would; zero by default.</summary>
    public TimeSpan Latency { get; set; }

    public async ValueTask DisposeAsync()
    {
        // Stopping cancels answers still being delayed, so this does not wait for them.
        await app.StopAsync();
        await app.DisposeAsync();
        database.Dispose();
    }

    private T Locked<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private void Locked(Action change)
    {
        lock (gate)
        {
            change();
        }
    }

    /// <summary>Under <see cref="gate"/>: the workspace's answer, or Socket Mode's, which the workspace does not know.</summary>
    private JsonObject Answer(string method, JsonObject args) =>
        method != "apps.connections.open" ? workspace.Invoke(method, args)
        : socketModeUrl is { } next ? new JsonObject { ["ok"] = true, ["url"] = next().ToString() }
        : EmulatedWorkspace.Error("internal_error");

    private async Task HandleAsync(HttpContext http)
    {
        var method = (string)http.Request.RouteValues["method"]!;
        var (args, bodyError) = await WebApiRequest.ReadArgsAsync(http.Request, method);
        FakeSlackFault? fault;
        JsonObject? answer = null;
        lock (gate)
        {
            var refusal = AuthError(http.Request, method) ?? TokenRefusal(method) ?? bodyError;
            fault = refusal is null ? TakeFault(method) : null;
            Record(new RecordedCall(method, args, time.GetUtcNow(), fault));
            if ((refusal ?? fault?.SlackError) is { } error)
            {
                answer = Refusal(error);
            }
            else if (fault is null || fault.ApplyBeforeDelay)
            {
                answer = Answer(method, args);
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
                answer = Answer(method, args);
            }
        }

        fault?.Reshape?.Invoke(answer);
        if (fault is { SlackError: not null, RetryAfter: { } wait })
        {
            http.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    private static string? AuthError(HttpRequest request, string method)
    {
        // apps.connections.open takes the app-level token; every other method the bot token.
        var token = WebApiRequest.BearerToken(request);
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
            await response.WriteAsync(EmulatedWorkspace.Error("ratelimited").ToJsonString());
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
