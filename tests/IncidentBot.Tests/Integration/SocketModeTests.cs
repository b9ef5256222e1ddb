using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.SocketMode;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>What the bot receives over Socket Mode and how it answers, checked at <see cref="FakeSocketModeServer"/>.</summary>
public sealed class SocketModeTests : SocketBotTest
{
    private readonly SlowForm slowForm = new();

    public override async Task DisposeAsync()
    {
        slowForm.Release();
        await base.DisposeAsync();
    }

    private protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IViewSubmissionHandler>(slowForm);

    [Fact]
    public async Task Each_sample_envelope_is_acknowledged_by_its_id_with_a_payload_only_where_slack_takes_one()
    {
        // The two event samples share event id Ev111; Slack never reuses one for another event, so the message gets its own.
        var message = SocketEnvelopes.Sample("envelope_events_api_message");
        message["payload"]!["event_id"] = "Ev222";
        JsonObject[] envelopes =
        [
            SocketEnvelopes.Sample("envelope_slash_commands"),
            SocketEnvelopes.Sample("envelope_events_api_app_mention"),
            message,
            SocketEnvelopes.Sample("envelope_interactive_shortcut"),
            SocketEnvelopes.Click("env-click"),
            SocketEnvelopes.Form("env-form", callbackId: "no_such_form"),
        ];

        foreach (var envelope in envelopes)
        {
            await Server.SendEnvelopeAsync(envelope);
        }

        foreach (var envelope in envelopes)
        {
            var id = (string)envelope["envelope_id"]!;
            var ack = await Server.WaitForAckAsync(id);
            if (id == "1d3c79ab-0ffb-41f3-a080-d19e85f53649")
            {
                Assert.Equal("ephemeral", (string?)ack.Payload!["response_type"]);
                Assert.Contains("create &lt;title&gt; [severity]", (string?)ack.Payload["text"], StringComparison.Ordinal);
            }
            else
            {
                Assert.Null(ack.Payload);
            }
        }

        Assert.Equal(envelopes.Length, Server.Acks.Count);

        // Events are handled after their acknowledgement, so this waits.
        await Eventually.TrueAsync(() => Mentions.Seen.Count > 0, "the mention to be handled");
        Assert.Equal(["Ev111"], Mentions.Seen);
    }

    [Fact]
    public async Task Incident_create_over_the_socket_declares_exactly_as_over_http()
    {
        await Server.SendEnvelopeAsync(SocketEnvelopes.Command("create Checkout returns 500s sev1", Bot.General, "env-create"));
        var ack = await Server.WaitForAckAsync("env-create");
        await Bot.OutboxDrainedAsync();

        await using var httpSlack = await FakeSlackApi.StartAsync();
        await using var httpBot = BotHost.Start(httpSlack);
        var (status, reply) = await httpBot.CommandAsync("create Checkout returns 500s sev1");
        await httpBot.OutboxDrainedAsync();

        Assert.Equal(200, status);
        Assert.Contains("Declaring *INC-1* (SEV-1): Checkout returns 500s", (string?)ack.Payload!["text"], StringComparison.Ordinal);
        Assert.Equal(reply!.ToJsonString(), ack.Payload.ToJsonString());
        Assert.Equal(Shape(httpSlack.Calls()), Shape(Slack.Calls().Where(c => c.Method != "apps.connections.open")));
    }

    [Fact]
    public async Task A_slow_form_handler_holds_back_only_its_own_acknowledgement()
    {
        await Server.SendEnvelopeAsync(SocketEnvelopes.Form("env-slow-form", SlowForm.CallbackIdValue));
        await slowForm.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        await Server.SendEnvelopeAsync(SocketEnvelopes.Command("help", Bot.General, "env-help"));
        await Server.SendEnvelopeAsync(SocketEnvelopes.Mention("env-mention", "Ev0WHILESLOW"));
        await Server.WaitForAckAsync("env-help");
        await Server.WaitForAckAsync("env-mention");

        Assert.DoesNotContain(Server.Acks, a => a.EnvelopeId == "env-slow-form");

        slowForm.Release();
        var form = await Server.WaitForAckAsync("env-slow-form");
        Assert.Equal("errors", (string?)form.Payload!["response_action"]);
        Assert.Equal("Give the incident a title", (string?)form.Payload["errors"]!["title"]);
    }

    [Fact]
    public async Task Http_keeps_answering_beside_the_socket_and_health_tells_the_two_setups_apart()
    {
        Assert.Contains("create &lt;title&gt; [severity]", await Bot.ReplyAsync("help"), StringComparison.Ordinal);
        Assert.Equal("""{"status":"ok","slack":"ok","socket":"connected","store":"LiteDB","scheduler":"leader","outbox_pending":"0","outbox_parked":"0"}""", await Bot.Unsigned.GetStringAsync(new Uri("/health", UriKind.Relative)));

        await using var httpOnly = BotHost.Start(Slack);
        Assert.Equal("""{"status":"ok","slack":"ok","socket":"disabled","store":"LiteDB","scheduler":"leader","outbox_pending":"0","outbox_parked":"0"}""", await httpOnly.Unsigned.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    /// <summary>The calls as a sorted list: the declaration's side steps run concurrently, so only their set is fixed.</summary>
    private static IEnumerable<string> Shape(IEnumerable<RecordedCall> calls) =>
        calls.Select(c => $"{c.Method} channel={c.Args["channel"]} name={c.Args["name"]} users={c.Args["users"]}").Order(StringComparer.Ordinal);

    /// <summary>A form whose handler waits to be released, then asks for a title.</summary>
    private sealed class SlowForm : IViewSubmissionHandler
    {
        public const string CallbackIdValue = "slow_form";

        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string CallbackId => CallbackIdValue;

        public Task Entered => entered.Task;

        public void Release() => release.TrySetResult();

        public async Task<IReadOnlyDictionary<string, string>> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            return new Dictionary<string, string> { ["title"] = "Give the incident a title" };
        }
    }
}
