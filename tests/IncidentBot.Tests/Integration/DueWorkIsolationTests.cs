using IncidentBot.Incidents;
using IncidentBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Integration;

/// <summary>One incident whose scheduled work throws delays no other incident's: it is logged with its id and retried with back-off.</summary>
public sealed class DueWorkIsolationTests : BotTest
{
    private readonly TestTime time = new();
    private readonly CapturedLog log = new();
    private ThrowingReminderStore control = null!;

    private protected override TestTime? Time => time;

    private protected override IDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Incidents:Severities:0:Name"] = "SEV-1",
        ["Incidents:Severities:0:UpdateInterval"] = "00:00:40",
        ["Incidents:Severities:1:Name"] = "SEV-2",
        ["Incidents:Severities:1:UpdateInterval"] = "00:30:00",
        ["Incidents:DefaultSeverity"] = "SEV-1",
    };

    private protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(log);
        services.AddSingleton<LiteDbIncidentStore>();
        services.Replace(ServiceDescriptor.Singleton(sp => ThrowingReminderStore.Around(sp.GetRequiredService<LiteDbIncidentStore>(), out control)));
    }

    [Fact]
    public async Task An_incident_whose_reminder_throws_does_not_delay_another_incident_s_reminder_and_its_stack_is_logged_once()
    {
        await Bot.ReplyAsync("create Checkout down");
        await Bot.ReplyAsync("create Search is slow");
        await Bot.OutboxDrainedAsync();
        control.Failing = new IncidentId(1);
        var rooms = Slack.Channels.Where(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).OrderBy(c => c.Name.Contains("search", StringComparison.Ordinal)).Select(c => c.Id).ToList();

        time.Advance(TimeSpan.FromSeconds(40));

        await Eventually.TrueAsync(() => Slack.Messages(rooms[1]).Any(m => m.Text.StartsWith('⏰')), "the second incident's reminder at its due time");
        await Eventually.TrueAsync(() => log.Lines(LogLevel.Error).Any(l => l.Contains("INC-1", StringComparison.Ordinal)), "the failure logged with the incident's id");
        Assert.DoesNotContain(Slack.Messages(rooms[0]), m => m.Text.StartsWith('⏰'));

        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => log.Entries().Any(e => e.Level == LogLevel.Warning && e.Line.Contains("INC-1 (2 in a row", StringComparison.Ordinal)), "the repeat logged as one warning");
        var failures = log.Entries().Where(e => e.Line.Contains("for incident INC-1", StringComparison.Ordinal)).ToList();
        Assert.Single(failures, e => e.Exception is not null);
        Assert.Equal(LogLevel.Error, failures[0].Level);

        control.Failing = null;
        await time.AdvanceUntilAsync(() => Slack.Messages(rooms[0]).Any(m => m.Text.StartsWith('⏰')), "the first incident's reminder once it can be written", TimeSpan.FromSeconds(1));

        Assert.Single(Slack.Messages(rooms[1]), m => m.Text.StartsWith('⏰'));
    }
}
