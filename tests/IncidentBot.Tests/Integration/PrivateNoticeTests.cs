using IncidentBot.Escalation;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>An escalation notice of a private incident, sent outside its war room, says nothing of what it is about.</summary>
public sealed class PrivateNoticeTests : IAsyncLifetime
{
    /// <summary>The fake Slack's time: the war room's creation answers when the test moves it.</summary>
    private readonly TestTime time = new();
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;
    private string leadership = "";

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync(time);
        leadership = slack.AddChannel("leadership").Id;
        bot = BotHost.Start(slack, settings: new Dictionary<string, string?>
        {
            ["Incidents:AutoEscalation"] = "true",
            ["Incidents:Escalation:SEV-1:0:After"] = "00:00:00",
            ["Incidents:Escalation:SEV-1:0:Notify:0"] = leadership,
            ["Incidents:Escalation:SEV-1:0:Notify:1"] = "U0LEAD",
        });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_notice_decided_before_the_war_room_exists_does_not_name_it_after_the_title()
    {
        // The war room takes its time, so the first step is decided while only its planned name (from the title) is known.
        slack.DelayNext("conversations.create", TimeSpan.FromSeconds(2));
        using (await bot.InteractionAsync(PrivateIncidentTests.CreateSubmission()))
        {
        }

        await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync();
        await time.AdvanceUntilAsync(
            () => slack.Messages(leadership).Count == 1 && slack.DirectMessages("U0LEAD").Count == 1 && bot.Store.PendingOutbox().Count == 0,
            "the war room, the notices and the outbox",
            TimeSpan.FromMilliseconds(500));

        var notices = slack.Messages(leadership).Concat(slack.DirectMessages("U0LEAD")).Select(IncidentCommandTests.Flatten).ToList();
        Assert.All(notices, n =>
        {
            Assert.Contains("INC-1", n, StringComparison.Ordinal);
            Assert.Contains("private incident", n, StringComparison.Ordinal);
            Assert.DoesNotContain("breach", n, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Session tokens", n, StringComparison.Ordinal);
        });
    }
}
