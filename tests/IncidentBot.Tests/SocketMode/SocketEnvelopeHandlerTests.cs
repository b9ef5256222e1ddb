using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.SocketMode;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.SocketMode;

public sealed class SocketEnvelopeHandlerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 3, 0));
    private readonly GatedCommands commands = new();
    private readonly GatedMentions mentions = new();
    private readonly List<JsonObject> acks = [];
    private readonly SlackDispatcher dispatcher;
    private readonly SocketEnvelopeHandler handler;

    public SocketEnvelopeHandlerTests()
    {
        dispatcher = new SlackDispatcher(commands, new RecentEventIds(clock, new SingleReplicaClaims()), [mentions], [], [], NullLogger<SlackDispatcher>.Instance);
        handler = new SocketEnvelopeHandler(dispatcher, new RecentEnvelopes(clock, new SingleReplicaClaims()), NullLogger<SocketEnvelopeHandler>.Instance);
    }

    [Fact]
    public async Task An_event_is_acknowledged_once_its_subscriber_has_finished_and_a_redelivery_meanwhile_joins_it()
    {
        var envelope = SocketEnvelopes.Sample("envelope_events_api_app_mention");
        var handling = HandleAsync(envelope);
        await mentions.Entered.WaitAsync(Wait);
        var retry = HandleAsync(SocketEnvelopes.Retry(envelope));

        Assert.Empty(Acks());
        Assert.False(handling.IsCompleted);

        mentions.Release();
        await Task.WhenAll(handling, retry).WaitAsync(Wait);
        Assert.Equal(1, mentions.Calls);
        Assert.All(Acks(), a => Assert.Equal("""{"envelope_id":"cda4159a-72a5-4744-aba3-4d66eb52682b"}""", a.ToJsonString()));
        Assert.Equal(2, Acks().Count);
    }

    [Fact]
    public async Task An_event_whose_subscriber_fails_is_left_unacknowledged_and_its_redelivery_is_handled()
    {
        var envelope = SocketEnvelopes.Sample("envelope_events_api_app_mention");
        mentions.Failures = 1;
        mentions.Release();

        await HandleAsync(envelope).WaitAsync(Wait);
        Assert.Empty(Acks());

        await HandleAsync(SocketEnvelopes.Retry(envelope)).WaitAsync(Wait);
        Assert.Single(Acks());
        Assert.Equal(2, mentions.Calls);
        Assert.Equal(1, mentions.Succeeded);
    }

    [Fact]
    public async Task A_command_redelivered_while_still_running_gets_the_first_answer_and_runs_once()
    {
        var envelope = SocketEnvelopes.Sample("envelope_slash_commands");
        var first = HandleAsync(envelope);
        await commands.Entered.WaitAsync(Wait);
        var retry = HandleAsync(SocketEnvelopes.Retry(envelope));
        Assert.Empty(Acks());

        commands.Release();
        await Task.WhenAll(first, retry).WaitAsync(Wait);

        Assert.Equal(1, commands.Calls);
        var answers = Acks();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.Equal(
            """{"envelope_id":"1d3c79ab-0ffb-41f3-a080-d19e85f53649","payload":{"response_type":"ephemeral","text":"Declaring INC-1"}}""",
            a.ToJsonString()));
    }

    [Fact]
    public async Task A_command_whose_handler_fails_is_still_acknowledged_so_slack_does_not_send_it_again()
    {
        commands.Fail = true;
        commands.Release();

        await HandleAsync(SocketEnvelopes.Sample("envelope_slash_commands")).WaitAsync(Wait);

        Assert.Equal("""{"envelope_id":"1d3c79ab-0ffb-41f3-a080-d19e85f53649"}""", Assert.Single(Acks()).ToJsonString());
    }

    [Fact]
    public async Task A_command_another_replica_is_running_is_left_unacknowledged_and_its_redelivery_gets_that_replica_s_answer()
    {
        var claims = new ScriptedClaims(
            new DeliveryClaim(DeliveryClaimState.Busy),
            new DeliveryClaim(DeliveryClaimState.Done, """{"response_type":"ephemeral","text":"Declaring INC-1"}"""));
        var replica = new SocketEnvelopeHandler(dispatcher, new RecentEnvelopes(clock, claims), NullLogger<SocketEnvelopeHandler>.Instance);
        var envelope = SocketEnvelopes.Sample("envelope_slash_commands");

        await HandleAsync(envelope, replica).WaitAsync(Wait);
        Assert.Empty(Acks());
        await HandleAsync(SocketEnvelopes.Retry(envelope), replica).WaitAsync(Wait);

        Assert.Equal(0, commands.Calls);
        Assert.Equal(
            """{"envelope_id":"1d3c79ab-0ffb-41f3-a080-d19e85f53649","payload":{"response_type":"ephemeral","text":"Declaring INC-1"}}""",
            Assert.Single(Acks()).ToJsonString());
    }

    private Task HandleAsync(JsonObject envelope, SocketEnvelopeHandler? on = null) =>
        (on ?? handler).HandleAsync(
            SocketModeFrame.Parse(Encoding.UTF8.GetBytes(envelope.ToJsonString())),
            ack =>
            {
                lock (acks)
                {
                    acks.Add(ack);
                }

                return Task.CompletedTask;
            },
            CancellationToken.None);

    private List<JsonObject> Acks()
    {
        lock (acks)
        {
            return [.. acks];
        }
    }

    private sealed class GatedCommands : ISlashCommandHandler
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int calls;

        public bool Fail { get; set; }

        public Task Entered => entered.Task;

        public int Calls => Volatile.Read(ref calls);

        public void Release() => release.TrySetResult();

        public async Task<SlackReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            entered.TrySetResult();
            await release.Task;
            return Fail ? throw new InvalidOperationException("the store is gone") : new SlackReply("Declaring INC-1");
        }
    }

    private sealed class GatedMentions : ISlackEventSubscriber
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int calls;

        private int succeeded;

        public string EventType => "app_mention";

        public Task Entered => entered.Task;

        public int Calls => Volatile.Read(ref calls);

        public int Succeeded => Volatile.Read(ref succeeded);

        /// <summary>How many of the next calls throw, as a store that is briefly gone would.</summary>
        public int Failures { get; set; }

        public void Release() => release.TrySetResult();

        public async Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            entered.TrySetResult();
            await release.Task;
            if (Failures > 0)
            {
                Failures--;
                throw new InvalidOperationException("the store is gone");
            }

            Interlocked.Increment(ref succeeded);
        }
    }

    /// <summary>Claims as another replica's database would answer them, one after another.</summary>
    private sealed class ScriptedClaims(params DeliveryClaim[] answers) : IDeliveryClaims
    {
        private readonly Queue<DeliveryClaim> answers = new(answers);

        public Task<DeliveryClaim> ClaimAsync(string id) => Task.FromResult(answers.Dequeue());

        public Task DoneAsync(string id, string? answer) => Task.CompletedTask;

        public Task ReleaseAsync(string id) => Task.CompletedTask;
    }
}
