using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentBot.Escalation;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>Nobody pings a whole channel through the bot: not with a title, not with <c>/incident escalate</c>.</summary>
public sealed partial class MassPingTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;
    private string leadership = "";

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        leadership = slack.AddChannel("leadership").Id;
        bot = BotHost.Start(slack, settings: new Dictionary<string, string?>
        {
            ["Incidents:AutoEscalation"] = "true",
            ["Incidents:Escalation:SEV-1:0:After"] = "00:00:00",
            ["Incidents:Escalation:SEV-1:0:Notify:0"] = "@oncall",
            ["Incidents:Escalation:SEV-1:0:Notify:1"] = "U0LEAD",
            ["Incidents:Escalation:SEV-1:0:Notify:2"] = leadership,
        });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_title_with_channel_and_here_reaches_no_one_as_a_mention_while_the_matrix_handles_still_link()
    {
        await bot.ReplyAsync("create Checkout <!channel> @here down @dba sev1");
        var room = await RoomAsync();
        await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync();
        await Eventually.TrueAsync(() => slack.Messages(leadership).Count == 1 && slack.DirectMessages("U0LEAD").Count == 1, "the escalation notices");
        await bot.OutboxDrainedAsync();

        var linked = slack.Calls("chat.postMessage").Where(c => (bool?)c.Args["link_names"] == true).ToList();
        Assert.Equal(3, linked.Count);
        var texts = linked.Select(c => string.Join("\n", Strings(c.Args["text"]).Concat(Strings(c.Args["blocks"])))).ToList();
        Assert.All(texts, t => Assert.DoesNotMatch(Pings(), t));
        Assert.Contains(texts, t => t.Contains("Checkout", StringComparison.Ordinal) && t.Contains("here down", StringComparison.Ordinal));
        Assert.Contains(slack.Messages(room), m => m.Text.StartsWith("🚨 *Escalated*", StringComparison.Ordinal) && m.Text.Contains("Calling in @oncall", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("@channel")]
    [InlineData("@here")]
    [InlineData("@everyone")]
    [InlineData("<!here>")]
    [InlineData("<!channel>")]
    [InlineData("<!everyone>")]
    public async Task Escalating_to_a_broadcast_is_refused_and_says_what_escalate_accepts(string broadcast)
    {
        await bot.ReplyAsync("create Checkout down sev3");
        var room = await RoomAsync();

        var reply = await bot.ReplyAsync($"escalate <@U0CTO|cto> {broadcast}", channel: room);
        await bot.OutboxDrainedAsync();

        Assert.Contains("would notify everyone in the channel", reply, StringComparison.Ordinal);
        Assert.Contains("people (@person), user groups", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(slack.Messages(room), m => m.Text.StartsWith("🚨 *Escalated*", StringComparison.Ordinal));
        Assert.Empty(slack.DirectMessages("U0CTO"));
    }

    [Fact]
    public async Task Escalate_takes_user_groups_and_the_matrix_handles_but_no_other_bare_handle()
    {
        await bot.ReplyAsync("create Checkout down sev3");
        var room = await RoomAsync();

        var unknown = await bot.ReplyAsync("escalate @dba", channel: room);
        var done = await bot.ReplyAsync("escalate @oncall <!subteam^S0DBA|@dba>", channel: room);

        Assert.Contains("`@dba` is not a user group Slack recognised or an on-call handle of the escalation matrix", unknown, StringComparison.Ordinal);
        Assert.Contains("the on-call handles @oncall", unknown, StringComparison.Ordinal);
        Assert.Equal("Escalated INC-1 to @oncall <!subteam^S0DBA>.", done);
    }

    private async Task<string> RoomAsync()
    {
        await bot.OutboxDrainedAsync();
        return slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    /// <summary>Every string in a JSON value (serialising would escape the very characters looked for).</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>What Slack expands into a mass or group ping in a message posted with link_names.</summary>
    [GeneratedRegex(@"<!(channel|here|everyone|subteam)|@(here|channel|everyone|dba)\b")]
    private static partial Regex Pings();
}
