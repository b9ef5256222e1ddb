using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.LoadRun;

/// <summary>
/// One load run: a fake Slack in this process, the bot and the bare endpoint each in their own process, and the phases
/// of docs/PERFORMANCE.md one after another, so the bot and its ceiling are measured side by side on the same machine.
/// </summary>
internal sealed partial class Run : IAsyncDisposable
{
    public const string SecretVariable = "LOADRUN_SIGNING_SECRET";
    private const string Commander = "U0COMMANDER";
    private const string AccessToken = "load-run-postmortem-token";

    private readonly RunSettings settings;
    private readonly FakeSlackApi slack;
    private readonly string secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private readonly SlackRequests requests;
    private readonly LoadGenerator load;
    private readonly string directory = Directory.CreateTempSubdirectory("incidentbot-loadrun-").FullName;
    private readonly string announce;
    private readonly string general;
    private readonly Report report = new();
    private ServerProcess? bot;
    private ServerProcess? bare;
    private string? botDll;

    private Run(RunSettings settings, FakeSlackApi slack)
    {
        this.settings = settings;
        this.slack = slack;
        requests = new SlackRequests(secret);
        load = new LoadGenerator(maxConnections: 256);
        announce = slack.AddChannel("incidents").Id;
        general = slack.AddChannel("general").Id;
    }

    private ServerProcess Bot => bot ?? throw new InvalidOperationException("The bot is not running.");

    private ServerProcess Bare => bare ?? throw new InvalidOperationException("The bare endpoint is not running.");

    public static async Task<Run> StartAsync(RunSettings settings) => new(settings, await FakeSlackApi.StartAsync());

    public async Task<Report> ExecuteAsync()
    {
        report.Machine = $"{Environment.ProcessorCount} cores, {RuntimeDescription()}";

        // First: the year runs in this process, and its resident memory is this process's; after the other phases it
        // would carry what they left (the fake Slack's record of every call, the growth phase's seeding).
        if (settings.Runs("year"))
        {
            await YearAsync();
        }

        Say("publishing the bot as the Docker image does (ReadyToRun)");
        botDll = await PublishedBot.PublishAsync(Path.Combine(directory, "published"));
        report.Machine += "; the bot published ReadyToRun, as the Docker image runs it";
        await FootprintAtStartAsync();
        bare = await ServerProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "IncidentBot.LoadRun.dll"), "--bare", new Dictionary<string, string> { [SecretVariable] = secret });
        Say($"bot pid {Bot.Id}");
        if (settings.Runs("ack"))
        {
            await AckPathAsync();
        }

        if (settings.Runs("warroom"))
        {
            await WarRoomReadyAsync();
        }

        if (settings.Runs("burst"))
        {
            await ReactionBurstAsync();
        }

        report.Add("Footprint", "resident memory after the runs", Bot.ResidentMemory(), "");
        if (settings.Runs("growth"))
        {
            await GrowthAsync();
        }

        if (settings.Runs("engines"))
        {
            await EnginesAsync();
        }

        return report;
    }

    public async ValueTask DisposeAsync()
    {
        bot?.Dispose();
        bare?.Dispose();
        load.Dispose();
        await slack.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static string RuntimeDescription() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    private static void Say(string line) => Console.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {line}");

    private Task<ServerProcess> StartBotAsync(string database) => StartBotAsync(new Dictionary<string, string> { ["Storage__Path"] = database });

    /// <summary>Starts the bot with the run's settings and <paramref name="storage"/>'s (a LiteDB file, or a PostgreSQL database).</summary>
    private Task<ServerProcess> StartBotAsync(Dictionary<string, string> storage)
    {
        var environment = new Dictionary<string, string>(storage)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Slack__BotToken"] = "xoxb-load-run",
            ["Slack__SigningSecret"] = secret,
            ["Slack__ApiBaseUrl"] = slack.BaseUrl.ToString(),
            ["Incidents__AnnouncementChannel"] = announce,
            ["Postmortems__AccessToken"] = AccessToken,

            // The default escalation matrix names placeholder targets; a real deployment fills them in.
            ["Incidents__AutoEscalation"] = "false",

            // The severity phase counts the changes by their answer, which a war room's change only gets when asked for.
            ["Incidents__EchoWarRoomChanges"] = "true",
        };
        return ServerProcess.StartAsync(botDll ?? throw new InvalidOperationException("The bot is not published yet."), "", environment);
    }

    /// <summary>Starts the bot three times on an empty database, keeps the last, and reads its memory once it is idle.</summary>
    private async Task FootprintAtStartAsync()
    {
        Say("footprint: starting the bot three times");
        var starts = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            bot?.Dispose();
            bot = await StartBotAsync(Path.Combine(directory, "bot.db"));
            starts.Add(bot.StartToReady.TotalMilliseconds);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        report.Add("Footprint", "process start → /health 200 (3 starts)", string.Join(" / ", starts.Select(s => $"{s:0} ms")), "≤ 1,000 ms");
        report.Add("Footprint", "resident memory, idle after start", Bot.ResidentMemory(), "≤ 80 MB");
    }

    /// <summary>Declares an incident from the general channel and waits until its war room is ready; returns the incident number, the war room, request → ack, and ack → ready.</summary>
    private async Task<(int Number, string WarRoom, TimeSpan Ack, TimeSpan Ready)> DeclareAsync(string title)
    {
        var started = TimeProvider.System.GetUtcNow();
        var answer = await PostForTextAsync(requests.Command($"create {title} sev2", general, Commander));
        var acked = TimeProvider.System.GetUtcNow();
        var match = Declared().Match(answer);
        if (!match.Success)
        {
            throw new InvalidOperationException($"The declaration was not acknowledged as expected: {answer}");
        }

        var name = match.Groups["room"].Value;
        var wait = TimeSpan.FromSeconds(30);
        var created = await slack.WaitForCallAsync("conversations.create", c => Arg(c, "name") == name && c.At >= started, wait);
        var room = slack.Channel(name).Id;
        var pinned = await slack.WaitForCallAsync("pins.add", c => Arg(c, "channel") == room, wait);
        var invited = await slack.WaitForCallAsync("conversations.invite", c => Arg(c, "channel") == room, wait);
        var announced = await slack.WaitForCallAsync("chat.postMessage", c => Arg(c, "channel") == announce && c.At >= started && c.Args.ToJsonString().Contains(room, StringComparison.Ordinal), wait);
        var last = new[] { created.At, pinned.At, invited.At, announced.At }.Max();
        return (int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture), room, acked - started, last + slack.Latency - acked);
    }

    private async Task<string> PostForTextAsync(SignedBody body)
    {
        // On the generator's pooled connections, so a timed call does not pay for a new connection.
        using var response = await load.PostAsync(Bot.Address, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? (string?)JsonNode.Parse(text)?["text"] ?? text : throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {text}");
    }

    private static string? Arg(RecordedCall call, string name) => (string?)call.Args[name];

    [GeneratedRegex(@"Declaring \*INC-(?<number>\d+)\*.*#(?<room>[a-z0-9_-]+)", RegexOptions.Singleline)]
    private static partial Regex Declared();
}
