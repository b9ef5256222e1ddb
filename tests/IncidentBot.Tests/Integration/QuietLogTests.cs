using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The log speaks when it matters: a quarter of an hour of incident command on a fake clock, with Slack failing now and
/// then, leaves no Information line per Slack call and no stack trace for a call that was retried; each retried
/// failure is one Warning line naming the Slack method, the error, the incident and the outbox kind.
/// </summary>
public sealed class QuietLogTests(ITestOutputHelper output) : BotTest
{
    private static readonly string[] RetryPipeline = ["Polly", "IncidentBot.Slack", "IncidentBot.Outbox", "System.Net.Http"];

    private readonly TestTime time = new();
    private readonly CapturedLog log = new();

    private protected override TestTime? Time => time;

    private protected override IDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        // The shipped levels (appsettings.json), not the test host's quieter Warning.
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    private protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(log);

    [Fact]
    public async Task A_quarter_hour_session_logs_no_Information_line_per_Slack_call_and_no_stack_for_a_retried_call()
    {
        Slack.FailNext("conversations.setTopic", 503);
        Slack.FailNext("conversations.create", 429, retryAfter: TimeSpan.FromSeconds(2));

        // Outlasts the call's own retries: the outbox backs off and the next attempt goes through.
        Slack.FailNext("pins.add", 503, count: 1 + new SlackOptions().MaxRetries);
        await Bot.ReplyAsync("create Checkout returns 500s sev1");
        await DrainAsync();
        var room = Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;

        (string Command, Action? Fault)[] minutes =
        [
            ("severity sev2", () => Slack.ErrorNext("chat.update", "internal_error")),
            ("update Rolled back the 14:02 deploy; error rate falling", () => Slack.ErrorNext("chat.postMessage", "service_unavailable")),
            ("status identified", () => Slack.ErrorNext("conversations.setTopic", "ratelimited", retryAfter: TimeSpan.FromSeconds(1))),
            ("commander <@U0OTHER>", () => Slack.FailNext("conversations.invite", 502)),
            ("note DB connection pool exhausted at 14:05", null),
            ("update Pool raised to 200; watching", () => Slack.ErrorNext("chat.postMessage", "request_timeout")),
            ("timeline", null),
            ("severity sev1", () => Slack.FailNext("chat.postMessage", 429)),
            ("lead <@U0LEAD>", null),
            ("update Fix deployed; error rate at baseline", null),
            ("status monitoring", () => Slack.FailNext("chat.update", 500)),
            ("update Quiet for 10 minutes", null),
            ("resolve Pool size raised and deploy rolled back", null),
        ];
        foreach (var (command, fault) in minutes)
        {
            fault?.Invoke();

            var (status, _) = await Bot.CommandAsync(command, channel: room);
            Assert.Equal(200, status);
            await DrainAsync();
            time.Advance(TimeSpan.FromMinutes(1));
        }

        await DrainAsync();
        var entries = log.Entries();
        output.WriteLine($"{entries.Count} lines in 15 minutes: {string.Join(", ", entries.GroupBy(e => (e.Level, e.Category)).Select(g => $"{g.Count()} {g.Key.Level} {g.Key.Category}"))}");
        foreach (var entry in entries)
        {
            output.WriteLine($"{entry.Level} {entry.Category}: {entry.Line}");
        }

        Assert.DoesNotContain(entries, e => e.Level < LogLevel.Warning && RetryPipeline.Any(p => e.Category.StartsWith(p, StringComparison.Ordinal)));
        Assert.Empty(entries.Where(e => e.Exception is not null).Select(e => $"{e.Category}: {e.Line}"));
        Assert.DoesNotContain(entries, e => e.Category == typeof(IncidentBot.Retention.RetentionWork).FullName);
        var retries = entries.Where(e => e.Level == LogLevel.Warning && (e.Category == typeof(SlackResilience).FullName || e.Category == typeof(OutboxDelivery).FullName)).ToList();
        // Every failed call was retried, by the call itself or by the outbox: one line each.
        Assert.Equal(Slack.Calls().Count(c => c.Injected is not null), retries.Count);
        Assert.Contains(retries, e => e.Line == "Slack conversations.setTopic answered http_503 for INC-1 (SetTopic); retry 1 in " + Delay(e.Line) + " ms");
        Assert.Contains(retries, e => e.Line.StartsWith("Slack chat.update answered internal_error for INC-1 (Refresh", StringComparison.Ordinal));
        Assert.Contains(retries, e => e.Line.StartsWith("Slack conversations.create answered http_429 for INC-1 (CreateWarRoom); retry 1 in 2100 ms", StringComparison.Ordinal));
        Assert.Contains(retries, e => e.Line.StartsWith("Slack conversations.setTopic answered ratelimited for INC-1 (SetTopic); retry 1 in 1100 ms", StringComparison.Ordinal));
        Assert.Contains(retries, e => e.Line.StartsWith("Outbox ", StringComparison.Ordinal) && e.Line.Contains("(PinDeclaration) of INC-1 will be retried: Slack pins.add said http_503", StringComparison.Ordinal));
    }

    private static string Delay(string line) => line[(line.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..^3];

    private Task DrainAsync() =>
        time.AdvanceUntilAsync(() => Bot.Store.PendingOutbox().Count == 0, "the outbox to drain, retries included", TimeSpan.FromMilliseconds(250));
}
