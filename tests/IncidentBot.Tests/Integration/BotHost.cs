using System.Text.Json.Nodes;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The real bot (Program, every service, LiteDB on a temp file unless the settings name PostgreSQL) in a test server, talking to <see cref="FakeSlackApi"/>.
/// <see cref="Slack"/> sends signed requests as Slack would; <see cref="Unsigned"/> sends them bare.
/// </summary>
internal sealed class BotHost : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Reporter = "U0REPORTER";

    private readonly WebApplicationFactory<Program> factory;
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotHost(WebApplicationFactory<Program> factory, string databasePath, string announcementChannel, string general)
    {
        this.factory = factory;
        DatabasePath = databasePath;
        AnnouncementChannel = announcementChannel;
        General = general;
        // Slack's timestamp must agree with the bot's clock, which a test may have moved.
        var clock = factory.Services.GetRequiredService<IClock>();
        Slack = factory.CreateDefaultClient(new SigningHandler(SigningSecret, () => clock.GetCurrentInstant().ToUnixTimeSeconds()));
        Unsigned = factory.CreateClient();
        factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() => stopped.TrySetResult());
    }

    public string DatabasePath { get; }

    /// <summary>The incidents channel every declaration is announced in.</summary>
    public string AnnouncementChannel { get; }

    /// <summary>An ordinary channel commands are typed in.</summary>
    public string General { get; }

    public HttpClient Slack { get; }

    public HttpClient Unsigned { get; }

    public IServiceProvider Services => factory.Services;

    public IIncidentStore Store => Services.GetRequiredService<IIncidentStore>();

    public static BotHost Start(FakeSlackApi slack, string? databasePath = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, IClock? clock = null, TestTime? time = null)
    {
        ArgumentNullException.ThrowIfNull(slack);
        var path = databasePath ?? TestFiles.NewPath("incidentbot-it");
        var announce = FindOrAdd(slack, "incidents");
        var general = FindOrAdd(slack, "general");
        var config = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
            ["Slack:RetryBaseDelay"] = "00:00:00.050",
            ["Storage:Path"] = path,
            ["Incidents:AnnouncementChannel"] = announce,
            // The default matrix posts in every war room at once; tests of escalation turn it back on.
            ["Incidents:AutoEscalation"] = "false",
            // Tests read what each change answered; EchoTests check the default, where a war room's post is the only answer.
            ["Incidents:EchoWarRoomChanges"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");

            // Seen while Program builds the host, as a deployment's settings are: with a token the bot talks to the
            // fake Slack, and the sandbox (switched on by no token) stays off.
            b.UseSetting("Slack:BotToken", config["Slack:BotToken"]);

            // The storage engine too: Program picks the stores' registrations by it.
            foreach (var (key, value) in config.Where(s => s.Key.StartsWith("Storage:", StringComparison.Ordinal)))
            {
                b.UseSetting(key, value);
            }

            b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(config));
            b.ConfigureServices(s =>
            {
                if (clock is not null)
                {
                    s.AddSingleton(clock);
                }

                if (time is not null)
                {
                    s.AddSingleton<TimeProvider>(time);
                    s.AddSingleton<IClock>(time);
                }

                services?.Invoke(s);
            });
        });
        return new BotHost(factory, path, announce, general);
    }

    /// <summary>Sends <c>/incident {text}</c> and returns Slack's view of the answer (HTTP status and JSON body).</summary>
    public async Task<(int Status, JsonObject? Reply)> CommandAsync(string text, string user = Reporter, string? channel = null, string triggerId = "13345224609.738474920.8088930838d88f008e0")
    {
        channel ??= General;
        var form = new Dictionary<string, string>
        {
            ["token"] = "ignored",
            ["team_id"] = FakeSlackApi.TeamId,
            ["channel_id"] = channel,
            ["channel_name"] = "general",
            ["user_id"] = user,
            ["user_name"] = "someone",
            ["command"] = "/incident",
            ["text"] = text,
            ["response_url"] = "https://hooks.slack.com/commands/T0001/1/abc",
            ["trigger_id"] = triggerId,
        };
        using var content = new FormUrlEncodedContent(form);
        using var response = await Slack.PostAsync(new Uri("/slack/commands", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body.StartsWith('{') ? JsonNode.Parse(body)!.AsObject() : null);
    }

    /// <summary>The reply text of a command that must succeed at the HTTP level.</summary>
    public async Task<string> ReplyAsync(string text, string user = Reporter, string? channel = null)
    {
        var (status, reply) = await CommandAsync(text, user, channel);
        Assert.Equal(200, status);
        Assert.Equal("ephemeral", (string?)reply!["response_type"]);
        return (string)reply["text"]!;
    }

    /// <summary>Sends an Events API event_callback with <paramref name="eventId"/>, as a Slack retry when <paramref name="retryNum"/> is given.</summary>
    public async Task<HttpResponseMessage> EventAsync(string eventId, JsonObject ev, int? retryNum = null)
    {
        var envelope = new JsonObject
        {
            ["token"] = "ignored",
            ["team_id"] = FakeSlackApi.TeamId,
            ["api_app_id"] = "A0001",
            ["event"] = ev.DeepClone(),
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1_795_489_920,
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["team_id"] = FakeSlackApi.TeamId,
                ["user_id"] = FakeSlackApi.BotUserId,
                ["is_bot"] = true,
                ["is_enterprise_install"] = false,
            }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(envelope.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await Slack.SendAsync(request);
    }

    public async Task<HttpResponseMessage> InteractionAsync(JsonObject payload)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });
        return await Slack.PostAsync(new Uri("/slack/interactions", UriKind.Relative), content);
    }

    /// <summary>Waits, without sleeping blindly, until the outbox has sent everything decided so far.</summary>
    public Task OutboxDrainedAsync(TimeSpan? timeout = null) => Eventually.TrueAsync(() => Store.PendingOutbox().Count == 0, "the outbox to drain", timeout);

    private static string FindOrAdd(FakeSlackApi slack, string name) =>
        slack.Channels.FirstOrDefault(c => c.Name == name)?.Id ?? slack.AddChannel(name).Id;

    public async ValueTask DisposeAsync()
    {
        Slack.Dispose();
        Unsigned.Dispose();
        await factory.DisposeAsync();

        // The factory may return while the bot's own entry point is still stopping it: its outbox and loops may still run,
        // and on PostgreSQL they would take up work a host restarted on the same database has just queued. They have all
        // ended once the host says it stopped. The file lock goes last, after LiteDB closed the file: once the lock is
        // free, a test may reopen the file or restart a host on it.
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => Released(DatabasePath), "the stopped bot to release " + DatabasePath);
    }

    private static bool Released(string path)
    {
        using var probe = new StorageFileLock();
        try
        {
            probe.Hold(path, "Storage:Path");
            return true;
        }
        catch (StorageInUseException)
        {
            return false;
        }
    }
}
