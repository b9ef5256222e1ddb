using System.Globalization;
using IncidentBot.Escalation;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Responders through the real host: user groups and on-call schedules are looked up (the fake Slack answers
/// usergroups.users.list and users.lookupByEmail, a fake PagerDuty and Opsgenie answer who is on call) and their members
/// are invited to the war room in batches Slack accepts, and named there.
/// </summary>
public sealed class ResponderTests : IAsyncLifetime
{
    private const string Group = "S0ONCALL";
    private const string PagerDutyKey = "pd-test-key-0123";
    private static readonly string[] Members = [.. Enumerable.Range(0, 150).Select(i => string.Create(CultureInfo.InvariantCulture, $"U0M{i:D4}"))];
    private FakeSlackApi slack = null!;
    private FakeOnCallApi onCall = null!;
    private BotHost? bot;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        onCall = await FakeOnCallApi.StartAsync();
        slack.AddUserGroup(Group, Members);
        slack.NameUserGroup(Group, "oncall");
        slack.AddEmail("U0PAT", "pat@example.com");
        onCall.OnCall("PSCHED1", "pat@example.com", "quinn@example.com");
    }

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        await onCall.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_SEV1_invites_its_user_group_and_on_call_members_in_batches_of_at_most_100()
    {
        bot = Start(new() { ["Incidents:Responders:SEV-1:0"] = Group, ["Incidents:Responders:SEV-1:1"] = "pagerduty:PSCHED1" });

        var reply = await bot.ReplyAsync("create Checkout down sev1");
        await bot.OutboxDrainedAsync();

        Assert.StartsWith("Declaring *INC-1*", reply, StringComparison.Ordinal);
        var room = WarRoom();
        Assert.All(Members.Append("U0PAT"), m => Assert.Contains(m, room.Members));
        var invites = slack.Calls("conversations.invite").Select(c => c.Args["users"]!.ToString().Split(',')).ToList();
        Assert.All(invites, users => Assert.True(users.Length <= InviteRespondersStep.InviteBatch, $"{users.Length} users in one call"));
        Assert.Equal(2, invites.Count(users => users.Any(Members.Contains)));

        var asked = Assert.Single(onCall.Requests);
        Assert.Equal("/oncalls", asked.Path);
        Assert.Contains("PSCHED1", Uri.UnescapeDataString(asked.Query), StringComparison.Ordinal);
        Assert.Contains("include[]=users", Uri.UnescapeDataString(asked.Query), StringComparison.Ordinal);
        Assert.Equal($"Token token={PagerDutyKey}", asked.Header("Authorization"));

        var named = Responders(room.Id);
        Assert.Contains("*Responders for INC-1* · SEV-1 responders", named, StringComparison.Ordinal);
        Assert.Contains("@oncall (150): <@U0M0000>", named, StringComparison.Ordinal);
        Assert.Contains("and 120 more", named, StringComparison.Ordinal);
        Assert.Contains("PagerDuty on-call `PSCHED1` (1): <@U0PAT>", named, StringComparison.Ordinal);
        Assert.Contains("Could not reach quinn@example.com (PagerDuty on-call `PSCHED1`): no Slack user has that email", named, StringComparison.Ordinal);
        Assert.DoesNotContain("<!subteam^", named, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_on_call_API_still_invites_the_rest_and_says_who_could_not_be_reached()
    {
        onCall.OnCall("ops-primary", "pat@example.com");
        onCall.Fail("ops-primary");
        bot = Start(new()
        {
            ["Incidents:Responders:SEV-2:0"] = "opsgenie:ops-primary",
            ["Incidents:Responders:SEV-2:1"] = "@OnCall",
            ["Incidents:Responders:SEV-2:2"] = "U0DIRECT",
        });

        await bot.ReplyAsync("create Checkout slow sev2");
        await bot.OutboxDrainedAsync();

        var room = WarRoom();
        Assert.All(Members.Append("U0DIRECT"), m => Assert.Contains(m, room.Members));
        Assert.DoesNotContain("U0PAT", room.Members);
        var asked = Assert.Single(onCall.Requests);
        Assert.Equal("/v2/schedules/ops-primary/on-calls", asked.Path);
        Assert.Equal("GenieKey genie-test-key", asked.Header("Authorization"));
        Assert.Contains("Could not reach Opsgenie on-call `ops-primary`: the on-call lookup failed (`http_500`)", Responders(room.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escalation_step_invites_the_members_of_the_user_groups_it_names()
    {
        slack.AddUserGroup("S0SRE", "U0SRE1", "U0SRE2");
        slack.NameUserGroup("S0SRE", "sre");
        bot = Start(new()
        {
            ["Incidents:AutoEscalation"] = "true",
            ["Incidents:Escalation:SEV-2:0:After"] = "00:00:00",
            ["Incidents:Escalation:SEV-2:0:Notify:0"] = "@sre",
            ["Incidents:Escalation:SEV-2:0:Notify:1"] = "pagerduty:PSCHED1",
        });

        await bot.ReplyAsync("create Checkout slow sev2");
        await bot.OutboxDrainedAsync();
        await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync();
        await Eventually.TrueAsync(() => Responders(WarRoom().Id).Length > 0, "the responders post");
        await bot.OutboxDrainedAsync();

        var room = WarRoom();
        Assert.Contains("U0SRE1", room.Members);
        Assert.Contains("U0SRE2", room.Members);
        Assert.Contains("U0PAT", room.Members);
        Assert.Contains(slack.Messages(room.Id), m => m.Text.StartsWith("🚨 *Escalated*", StringComparison.Ordinal) && m.Text.Contains("PagerDuty on-call `PSCHED1`", StringComparison.Ordinal));
        Assert.Contains("· escalation step 1", Responders(room.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_incident_invites_its_responders_and_announces_nothing()
    {
        bot = Start(new() { ["Incidents:Responders:SEV-1:0"] = Group });

        await bot.ReplyAsync("create Card data exposed sev1 --private");
        await bot.OutboxDrainedAsync();

        var room = WarRoom();
        Assert.True(room.IsPrivate);
        Assert.All(Members, m => Assert.Contains(m, room.Members));
        Assert.Empty(slack.Messages(bot.AnnouncementChannel));
    }

    [Fact]
    public async Task Raising_the_severity_invites_the_responders_of_the_new_level()
    {
        bot = Start(new() { ["Incidents:Responders:SEV-1:0"] = Group });
        await bot.ReplyAsync("create Checkout slow sev3");
        await bot.OutboxDrainedAsync();
        Assert.DoesNotContain(Members[0], WarRoom().Members);

        await bot.ReplyAsync("severity sev1", channel: WarRoom().Id);
        await bot.OutboxDrainedAsync();

        Assert.All(Members, m => Assert.Contains(m, WarRoom().Members));
        Assert.Contains("SEV-1 responders, as the severity was raised", Responders(WarRoom().Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drill_invites_no_responders()
    {
        bot = Start(new() { ["Incidents:Responders:SEV-1:0"] = Group });

        await bot.ReplyAsync("drill Checkout down sev1");
        await bot.OutboxDrainedAsync();

        Assert.DoesNotContain(Members[0], WarRoom().Members);
        Assert.Empty(slack.Calls("usergroups.users.list"));
    }

    private BotHost Start(Dictionary<string, string?> settings)
    {
        settings["Incidents:OnCall:PagerDutyApiUrl"] = onCall.BaseUrl.ToString();
        settings["Incidents:OnCall:PagerDutyApiKey"] = PagerDutyKey;
        settings["Incidents:OnCall:OpsgenieApiUrl"] = onCall.BaseUrl.ToString();
        settings["Incidents:OnCall:OpsgenieApiKey"] = "genie-test-key";
        return BotHost.Start(slack, settings: settings);
    }

    private FakeChannel WarRoom() => slack.Channels.Single(c => c.Name.Contains("inc-", StringComparison.Ordinal));

    /// <summary>The war room's responders post, as its blocks read.</summary>
    private string Responders(string room) =>
        slack.Messages(room).FirstOrDefault(m => m.Text.StartsWith("👥", StringComparison.Ordinal)) is { Blocks: { } blocks }
            ? string.Join("\n", blocks.Select(b => (string?)b!["text"]?["text"]))
            : "";
}
