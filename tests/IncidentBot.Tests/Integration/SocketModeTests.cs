using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.SocketMode;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>The real host receiving over Socket Mode from <see cref="FakeSocketModeServer"/>, acting through <see cref="FakeSlackApi"/>.</summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private static readonly TimeSpan SlackAckLimit = TimeSpan.FromSeconds(3);

    private readonly MentionRecorder mentions = new();
    private readonly SlowForm slowForm = new();
    private FakeSlackApi slack = null!;
    private FakeSocketModeServer server = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        server = await FakeSocketModeServer.StartAsync(slack);
        bot = BotHost.Start(
            slack,
            settings: new Dictionary<string, string?> { ["Slack:AppToken"] = FakeSocketModeServer.AppToken },
            services: s =>
            {
                s.AddSingleton<ISlackEventSubscriber>(mentions);
                s.AddSingleton<IViewSubmissionHandler>(slowForm);
            });
        await server.WaitForConnectionAsync(1);
    }

    public async Task DisposeAsync()
    {
        slowForm.Release();
        await bot.DisposeAsync();
        await server.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task Each_sample_envelope_is_acknowledged_by_its_id_within_3_s_with_a_payload_only_where_slack_takes_one()
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
            await server.SendEnvelopeAsync(envelope);
        }

        foreach (var envelope in envelopes)
        {
            var id = (string)envelope["envelope_id"]!;
            var ack = await server.WaitForAckAsync(id);
            Assert.InRange(ack.Latency, TimeSpan.Zero, SlackAckLimit);
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

        Assert.Equal(envelopes.Length, server.Acks.Count);

        // Events are handled after their acknowledgement, so this waits.
        await Eventually.TrueAsync(() => mentions.Seen.Count > 0, "the mention to be handled");
        Assert.Equal(["Ev111"], mentions.Seen);
    }

    [Fact]
    public async Task Incident_create_over_the_socket_declares_exactly_as_over_http()
    {
        await server.SendEnvelopeAsync(SocketEnvelopes.Command("create Checkout returns 500s sev1", bot.General, "env-create"));
        var ack = await server.WaitForAckAsync("env-create");
        await bot.OutboxDrainedAsync();

        await using var httpSlack = await FakeSlackApi.StartAsync();
        await using var httpBot = BotHost.Start(httpSlack);
        var (status, reply) = await httpBot.CommandAsync("create Checkout returns 500s sev1");
        await httpBot.OutboxDrainedAsync();

        Assert.Equal(200, status);
        Assert.Contains("Declaring *INC-1* (SEV-1): Checkout returns 500s", (string?)ack.Payload!["text"], StringComparison.Ordinal);
        Assert.Equal(reply!.ToJsonString(), ack.Payload.ToJsonString());
        Assert.Equal(Shape(httpSlack.Calls()), Shape(slack.Calls().Where(c => c.Method != "apps.connections.open")));
    }

    [Fact]
    public async Task A_slow_form_handler_holds_back_only_its_own_acknowledgement()
    {
        await server.SendEnvelopeAsync(SocketEnvelopes.Form("env-slow-form", SlowForm.CallbackIdValue));
        await slowForm.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        await server.SendEnvelopeAsync(SocketEnvelopes.Command("help", bot.General, "env-help"));
        await server.SendEnvelopeAsync(SocketEnvelopes.Mention("env-mention", "Ev0WHILESLOW"));
        var help = await server.WaitForAckAsync("env-help");
        var mention = await server.WaitForAckAsync("env-mention");

        Assert.DoesNotContain(server.Acks, a => a.EnvelopeId == "env-slow-form");
        Assert.InRange(help.Latency, TimeSpan.Zero, SlackAckLimit);
        Assert.InRange(mention.Latency, TimeSpan.Zero, SlackAckLimit);

        slowForm.Release();
        var form = await server.WaitForAckAsync("env-slow-form");
        Assert.Equal("errors", (string?)form.Payload!["response_action"]);
        Assert.Equal("Give the incident a title", (string?)form.Payload["errors"]!["title"]);
    }

    [Fact]
    public async Task A_command_redelivered_on_another_connection_gets_the_same_answer_and_declares_once()
    {
        var create = SocketEnvelopes.Command("create Payments down sev2", bot.General, "env-once");
        await server.SendEnvelopeAsync(create);
        var first = await server.WaitForAckAsync("env-once");
        await server.DisconnectAsync("refresh_requested");
        var second = await server.WaitForConnectionAsync(2);

        await server.SendAsync(second, SocketEnvelopes.Retry(create));
        await server.WaitUntilAsync(() => server.Acks.Count(a => a.EnvelopeId == "env-once") == 2, "the retry's acknowledgement");
        await bot.OutboxDrainedAsync();

        var retried = server.Acks.Last(a => a.EnvelopeId == "env-once");
        Assert.Equal([1, 2], server.Acks.Where(a => a.EnvelopeId == "env-once").Select(a => a.Connection));
        Assert.Equal(first.Payload!.ToJsonString(), retried.Payload!.ToJsonString());
        Assert.Single(slack.Calls("conversations.create"));
        Assert.Single(bot.Store.ListOpen());
    }

    [Fact]
    public async Task A_refresh_requested_mid_stream_loses_no_envelope_and_handles_each_once()
    {
        var events = Enumerable.Range(1, 45).Select(i => (Envelope: $"env-stream-{i:D2}", Event: $"Ev0STREAM{i:D2}")).ToList();
        foreach (var (envelope, ev) in events.Take(15))
        {
            await server.SendEnvelopeAsync(SocketEnvelopes.Mention(envelope, ev));
        }

        // Slack keeps delivering on the old connection until the bot has opened the new one.
        await server.DisconnectAsync("refresh_requested");
        foreach (var (envelope, ev) in events.Skip(15).Take(15))
        {
            await server.SendEnvelopeAsync(SocketEnvelopes.Mention(envelope, ev));
        }

        var second = await server.WaitForConnectionAsync(2);
        foreach (var (envelope, ev) in events.Skip(30))
        {
            await server.SendEnvelopeAsync(SocketEnvelopes.Mention(envelope, ev));
        }

        await server.WaitUntilAsync(() => events.TrueForAll(e => server.Acks.Any(a => a.EnvelopeId == e.Envelope)), "every envelope's acknowledgement");
        await Eventually.TrueAsync(() => mentions.Seen.Count >= events.Count, "every event to be handled");
        var first = server.Connections[0];
        await server.WaitForClosedAsync(first);

        Assert.Equal(events.Select(e => e.Event).Order(StringComparer.Ordinal), mentions.Seen.Order(StringComparer.Ordinal));
        Assert.All(server.Acks, a => Assert.InRange(a.Latency, TimeSpan.Zero, SlackAckLimit));
        Assert.True(first.ClosedByBot, "the bot closed the old connection itself");
        Assert.True(second.OpenedAt < first.ClosedAt, "the new connection was open before the old one closed");
        Assert.All(events.Skip(30), e => Assert.Contains(server.Acks, a => a.EnvelopeId == e.Envelope && a.Connection == 2));
    }

    [Fact]
    public async Task A_killed_socket_is_reported_then_reconnected_and_work_resumes()
    {
        await HealthWhenAsync(bot, "connected");
        slack.DelayNext("apps.connections.open", TimeSpan.FromSeconds(2));
        server.Kill();
        Assert.Equal("""{"status":"degraded","socket":"reconnecting"}""", await HealthWhenAsync(bot, "reconnecting"));

        // Sent while the bot is away: Slack holds it for the next connection.
        await server.SendEnvelopeAsync(SocketEnvelopes.Command("create Search is down", bot.General, "env-after-kill"));
        await server.WaitForConnectionAsync(2);
        var ack = await server.WaitForAckAsync("env-after-kill");
        await bot.OutboxDrainedAsync();

        Assert.False(server.Connections[0].ClosedByBot);
        Assert.Equal(2, ack.Connection);
        Assert.Contains("Declaring *INC-1*", (string?)ack.Payload!["text"], StringComparison.Ordinal);
        Assert.Contains(slack.Channels, c => c.Name.EndsWith("-search-is-down", StringComparison.Ordinal));
        Assert.Equal("""{"status":"ok","socket":"connected"}""", await HealthWhenAsync(bot, "connected"));
    }

    [Fact]
    public async Task Http_keeps_answering_beside_the_socket_and_health_tells_the_two_setups_apart()
    {
        Assert.Contains("create &lt;title&gt; [severity]", await bot.ReplyAsync("help"), StringComparison.Ordinal);
        Assert.Equal("""{"status":"ok","socket":"connected"}""", await bot.Unsigned.GetStringAsync(new Uri("/health", UriKind.Relative)));

        await using var httpOnly = BotHost.Start(slack);
        Assert.Equal("""{"status":"ok","socket":"disabled"}""", await httpOnly.Unsigned.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    private static IEnumerable<string> Shape(IEnumerable<RecordedCall> calls) =>
        calls.Select(c => $"{c.Method} channel={c.Args["channel"]} name={c.Args["name"]} users={c.Args["users"]}");

    /// <summary>Polls <c>/health</c> until it reports <paramref name="socket"/>, and returns the body.</summary>
    private static async Task<string> HealthWhenAsync(BotHost host, string socket)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (10 * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            var body = await host.Unsigned.GetStringAsync(new Uri("/health", UriKind.Relative));
            if ((string?)JsonNode.Parse(body)!["socket"] == socket)
            {
                return body;
            }

            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"/health never said socket {socket}; last: {body}");
            }

            await Task.Delay(20);
        }
    }

    private sealed class MentionRecorder : ISlackEventSubscriber
    {
        private readonly List<string> seen = [];

        public string EventType => "app_mention";

        public IReadOnlyList<string> Seen
        {
            get
            {
                lock (seen)
                {
                    return [.. seen];
                }
            }
        }

        public Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(slackEvent.EventId);
            }

            return Task.CompletedTask;
        }
    }

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
