using System.Text.Json.Nodes;
using IncidentBot.StatusPages;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>A private incident's title and impact stay in its war room: pagers, status-page drafts and webhooks through the real host.</summary>
public sealed class PrivateIncidentTests : IAsyncLifetime
{
    internal const string Title = "Breach in auth";
    internal const string Impact = "Session tokens of EU admins exposed";
    private const string Secret = "whsec-0123456789abcdef";
    private FakeSlackApi slack = null!;
    private FakeHttpReceiver pagerDuty = null!;
    private FakeHttpReceiver opsgenie = null!;
    private FakeHttpReceiver redacted = null!;
    private FakeHttpReceiver trusted = null!;
    private FakeHttpReceiver statusPage = null!;
    private BotHost bot = null!;
    private string statusChannel = "";

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        statusChannel = slack.AddChannel("status-page-drafts").Id;
        (pagerDuty, opsgenie) = (await FakeHttpReceiver.StartAsync(), await FakeHttpReceiver.StartAsync());
        (redacted, trusted, statusPage) = (await FakeHttpReceiver.StartAsync(), await FakeHttpReceiver.StartAsync(), await FakeHttpReceiver.StartAsync());
        bot = BotHost.Start(slack, settings: new Dictionary<string, string?>
        {
            ["Incidents:StatusPageChannel"] = statusChannel,
            ["Incidents:Paging:PagerDutyUrl"] = pagerDuty.BaseUrl.ToString(),
            ["Incidents:Paging:OpsgenieUrl"] = opsgenie.BaseUrl.ToString(),
            ["Incidents:Paging:Services:security:Provider"] = "PagerDuty",
            ["Incidents:Paging:Services:security:RoutingKey"] = "R0SECURITYKEY",
            ["Incidents:Paging:Services:platform:Provider"] = "Opsgenie",
            ["Incidents:Paging:Services:platform:ApiKey"] = "genie-key-123",
            ["Incidents:Webhooks:0:Url"] = redacted.BaseUrl.ToString(),
            ["Incidents:Webhooks:0:Secret"] = Secret,
            ["Incidents:Webhooks:1:Url"] = trusted.BaseUrl.ToString(),
            ["Incidents:Webhooks:1:Secret"] = Secret,
            ["Incidents:Webhooks:1:PrivateIncidents"] = "Full",
            ["Incidents:Webhooks:2:Url"] = statusPage.BaseUrl.ToString(),
            ["Incidents:Webhooks:2:Secret"] = Secret,
            ["Incidents:Webhooks:2:PrivateIncidents"] = "Omit",
        });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        foreach (var receiver in new[] { pagerDuty, opsgenie, redacted, trusted, statusPage })
        {
            await receiver.DisposeAsync();
        }

        await slack.DisposeAsync();
    }

    [Fact]
    public async Task Pagers_get_only_the_id_the_severity_and_a_link_to_the_war_room()
    {
        var room = await DeclarePrivateAsync();

        await bot.ReplyAsync("page security", channel: room);
        await bot.ReplyAsync("page platform", channel: room);
        await Eventually.TrueAsync(() => pagerDuty.Requests.Count == 1 && opsgenie.Requests.Count == 1, "both pages");

        var link = $"https://slack.com/app_redirect?channel={room}";
        var (duty, genie) = (pagerDuty.Requests[0].Json, opsgenie.Requests[0].Json);
        Assert.Equal($"[INC-1] SEV-1: private incident, details in its war room {link}", (string?)duty["payload"]!["summary"]);
        Assert.Equal(link, (string?)duty["links"]![0]!["href"]);
        Assert.Equal("critical", (string?)duty["payload"]!["severity"]);
        Assert.StartsWith("[INC-1] SEV-1: private incident", (string?)genie["message"], StringComparison.Ordinal);
        Assert.Contains(link, (string?)genie["description"], StringComparison.Ordinal);
        Assert.All(Strings(duty).Concat(Strings(genie)), s =>
        {
            Assert.DoesNotContain("Breach", s, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Session tokens", s, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(BotHost.Reporter, s, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_status_page_draft_stays_in_the_war_room()
    {
        var room = await DeclarePrivateAsync();

        var reply = await bot.ReplyAsync("statuspage", channel: room);
        var open = await slack.WaitForCallAsync("views.open");
        using var submitted = await bot.InteractionAsync(StatusPageSubmission((string)open.Args["view"]!["private_metadata"]!, "Investigating: some admins must sign in again."));
        await bot.OutboxDrainedAsync();

        Assert.StartsWith("Opening the status-page draft of INC-1", reply, StringComparison.Ordinal);
        Assert.Contains("It goes to the war room", string.Join(" ", Strings(open.Args["view"])), StringComparison.Ordinal);
        Assert.Empty(slack.Messages(statusChannel));
        Assert.Contains(slack.Messages(room), m => IncidentCommandTests.Flatten(m).Contains("Status-page draft · INC-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_receivers_get_what_they_are_configured_to_see()
    {
        var room = await DeclarePrivateAsync();
        await bot.ReplyAsync("resolve rotated every token", channel: room);
        await bot.ReplyAsync("create Search is slow sev3");
        await Eventually.TrueAsync(() => statusPage.Accepted.Count == 1 && redacted.Accepted.Count == 3 && trusted.Accepted.Count == 3, "every receiver's events");
        await bot.OutboxDrainedAsync();

        // Incidents have lanes of their own, so only each incident's events are in order.
        var hidden = Of(redacted, "INC-1");
        var declared = hidden[0];
        Assert.Equal(["incident.declared", "incident.resolved"], hidden.Select(e => (string?)e["type"]));
        Assert.Equal("SEV-1", (string?)declared["incident"]!["severity"]);
        Assert.True((bool?)declared["incident"]!["private"]);
        Assert.True((bool?)declared["incident"]!["redacted"]);
        Assert.All(hidden.SelectMany(Strings), s =>
        {
            Assert.DoesNotContain("Breach", s, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Session tokens", s, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("rotated", s, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal("Search is slow", (string?)Of(redacted, "INC-2")[0]["incident"]!["title"]);
        Assert.Equal(Title, (string?)Of(trusted, "INC-1")[0]["incident"]!["title"]);
        Assert.Equal(Impact, (string?)Of(trusted, "INC-1")[0]["incident"]!["impact"]);
        Assert.Equal(["INC-2"], statusPage.Accepted.Select(r => (string?)r.Json["incident"]!["id"]));
    }

    private static List<JsonObject> Of(FakeHttpReceiver receiver, string incident) =>
        receiver.Accepted.Select(r => r.Json).Where(e => (string?)e["incident"]!["id"] == incident).ToList();

    private async Task<string> DeclarePrivateAsync()
    {
        using var response = await bot.InteractionAsync(CreateSubmission());
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await bot.OutboxDrainedAsync();
        return slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    /// <summary>The declaration form, submitted with the private box ticked.</summary>
    internal static JsonObject CreateSubmission() => DeclarationForm.Submission(Title, "SEV-1", impact: Impact, isPrivate: true);

    private static JsonObject StatusPageSubmission(string metadata, string text)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/ViewSubmissionPayload.json"))!.AsObject();
        payload["user"]!["id"] = BotHost.Reporter;
        var view = payload["view"]!.AsObject();
        view["callback_id"] = StatusPageHandler.ModalCallbackId;
        view["private_metadata"] = metadata;
        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                [StatusPageHandler.TextBlock] = new JsonObject { ["statuspage_input"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text } },
            },
        };
        return payload;
    }

    /// <summary>Every string in a JSON value, names and values.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
