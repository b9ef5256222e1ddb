using System.Diagnostics;
using System.Text.Json.Nodes;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Xunit.Abstractions;

namespace IncidentBot.Tests.Fuzz;

/// <summary>
/// Mutated payloads in Socket Mode envelopes, and frames that are no envelope at all, against the real bot over the
/// fake Socket Mode server (<c>INCIDENTBOT_FUZZ_CASES</c>, <c>INCIDENTBOT_FUZZ_SEED</c> as for <see cref="HttpFuzzTests"/>):
/// every envelope is acknowledged on the one connection, none logs an error, and the valid declarations sent in
/// between are each answered and stored exactly once.
/// </summary>
public sealed class SocketFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int FixedSeed = 20261202;
    private readonly ErrorLog errors = new();

    private FakeSlackApi Slack { get; set; } = null!;

    private FakeSocketModeServer Server { get; set; } = null!;

    private BotHost Bot { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync();
        Server = await FakeSocketModeServer.StartAsync(Slack);
        Bot = BotHost.Start(
            Slack,
            FuzzDatabase.NewPath(),
            settings: FuzzDatabase.Settings(new() { ["Slack:AppToken"] = FakeSocketModeServer.AppToken }),
            services: s => s.AddSingleton<ILoggerProvider>(errors));
        await Server.WaitForConnectionAsync(1);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Server.DisposeAsync();
        await Slack.DisposeAsync();
        FuzzDatabase.Delete(Bot.DatabasePath);
    }

    [Fact]
    public async Task Every_mutated_envelope_is_acknowledged_without_an_error_and_valid_ones_are_handled_once()
    {
        var fuzzer = new SlackFuzzer(SlackFuzzer.SeedFrom(FixedSeed), Bot.General, Bot.AnnouncementChannel);
        var cases = SlackFuzzer.CasesFrom(HttpFuzzTests.DefaultCases) * 2 / 5;
        var validEvery = Math.Max(2, cases / 10);
        output.WriteLine($"Socket Mode fuzz: seed {fuzzer.Seed} (INCIDENTBOT_FUZZ_SEED), {cases} cases");
        var sent = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = new Dictionary<string, string>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();

        for (var index = 0; index < cases; index++)
        {
            if (index % validEvery == 0)
            {
                var title = $"fuzz-valid-s{index}";
                var envelope = JsonNode.Parse(Fixture.Text("slack/socket-mode/envelope_slash_commands.json"))!.AsObject();
                envelope["envelope_id"] = "valid-" + title;
                envelope["payload"]!["command"] = "/incident";
                envelope["payload"]!["text"] = $"create {title} sev3";
                envelope["payload"]!["user_id"] = BotHost.Reporter;
                envelope["payload"]!["channel_id"] = Bot.General;
                envelope["payload"]!["team_id"] = FakeSlackApi.TeamId;
                valid[(string)envelope["envelope_id"]!] = title;
                await Server.SendEnvelopeAsync(envelope);
            }

            if (index % 20 == 1)
            {
                // Not tracked: an unreadable frame is ignored, so nothing waits for its acknowledgement.
                await Server.SendRawAsync(fuzzer.BrokenFrame(index).Frame);
                continue;
            }

            var (fuzzed, description) = fuzzer.Envelope(index);
            sent[(string)fuzzed["envelope_id"]!] = $"case {index}: {description}";
            await Server.SendEnvelopeAsync(fuzzed);
        }

        var expected = sent.Keys.Concat(valid.Keys).ToHashSet(StringComparer.Ordinal);
        try
        {
            await Server.WaitUntilAsync(() => Server.Acks.Select(a => a.EnvelopeId).Where(expected.Contains).Distinct().Count() == expected.Count, "every envelope's acknowledgement", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            var acked = Server.Acks.Select(a => a.EnvelopeId).ToHashSet(StringComparer.Ordinal);
            Assert.Fail($"seed {fuzzer.Seed}: {Server.Connections.Count} connections, {Server.Redelivered.Count} redelivered, never acknowledged:\n" + string.Join("\n", expected.Where(id => !acked.Contains(id)).Take(15).Select(id => sent.GetValueOrDefault(id, id))) + "\n" + errors.Summary());
        }

        output.WriteLine($"{cases} cases and {valid.Count} valid declarations acknowledged in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(errors.Unexplained.Count == 0, $"seed {fuzzer.Seed}: {errors.Summary()}");
        Assert.Single(Server.Connections);
        Assert.All(valid.Keys, id => Assert.NotNull(Server.Acks.First(a => a.EnvelopeId == id).Payload));
        var declared = Bot.Store.DeclaredBetween(Instant.MinValue, Instant.MaxValue).GroupBy(i => i.Title).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.All(valid.Values, title => Assert.Equal(1, declared.GetValueOrDefault(title)));
    }
}
