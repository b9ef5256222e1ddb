using System.Collections.Concurrent;
using System.Diagnostics;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Xunit.Abstractions;

namespace IncidentBot.Tests.Fuzz;

/// <summary>
/// Mutated Slack requests against the real bot over HTTP (<c>INCIDENTBOT_FUZZ_CASES</c> for a longer run,
/// <c>INCIDENTBOT_FUZZ_SEED</c> for another seed): none is answered with a 5xx, none logs an error, every one with bad
/// signature headers is refused with 401, and the valid declarations sent in between are each stored exactly once.
/// </summary>
public sealed class HttpFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Cases in one CI run, over both transports: three in five over HTTP, the rest over Socket Mode.</summary>
    public const int DefaultCases = 10_000;

    private const int FixedSeed = 20261201;
    private const int Workers = 6;
    private readonly ErrorLog errors = new();

    private FakeSlackApi Slack { get; set; } = null!;

    private BotHost Bot { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync();
        Bot = BotHost.Start(Slack, FuzzDatabase.NewPath(), FuzzDatabase.Settings(), services: s => s.AddSingleton<ILoggerProvider>(errors));
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
        FuzzDatabase.Delete(Bot.DatabasePath);
    }

    [Fact]
    public async Task No_mutated_request_gets_a_5xx_or_logs_an_error_and_valid_ones_are_handled_once()
    {
        var fuzzer = new SlackFuzzer(SlackFuzzer.SeedFrom(FixedSeed), Bot.General, Bot.AnnouncementChannel);
        var cases = SlackFuzzer.CasesFrom(DefaultCases) * 3 / 5;
        var validEvery = Math.Max(1, cases / 20);
        output.WriteLine($"HTTP fuzz: seed {fuzzer.Seed} (INCIDENTBOT_FUZZ_SEED), {cases} cases (INCIDENTBOT_FUZZ_CASES)");
        var failures = new FuzzFailures(fuzzer.Seed);
        var valid = new ConcurrentBag<string>();
        var next = -1;
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < cases)
            {
                if (index % validEvery == 0)
                {
                    var title = $"fuzz-valid-h{index}";
                    var status = index / validEvery % 2 == 0
                        ? (await Bot.CommandAsync($"create {title} sev3")).Status
                        : (int)(await Bot.InteractionAsync(DeclarationForm.Submission(title))).StatusCode;
                    if (status != 200)
                    {
                        failures.Add($"valid declaration answered {status}", title);
                    }

                    valid.Add(title);
                }

                await SendAsync(fuzzer.Http(index), failures);
            }
        })));

        output.WriteLine($"{cases} cases and {valid.Count} valid declarations in {watch.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(string.Join("\n", timings.OrderByDescending(t => t.Value.Ticks).Select(t => $"{t.Key}: {t.Value.Count} in {TimeSpan.FromTicks(t.Value.Ticks).TotalSeconds:0.0} s")));
        Assert.True(failures.IsEmpty && errors.Unexplained.Count == 0, $"{failures}\n{errors.Summary()}");
        var declared = Bot.Store.DeclaredBetween(Instant.MinValue, Instant.MaxValue).GroupBy(i => i.Title).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.All(valid, title => Assert.Equal(1, declared.GetValueOrDefault(title)));
    }

    private readonly ConcurrentDictionary<string, (int Count, long Ticks)> timings = new(StringComparer.Ordinal);

    private async Task SendAsync(FuzzCase fuzz, FuzzFailures failures)
    {
        var started = Stopwatch.GetTimestamp();
        var key = fuzz.Path + (fuzz.Headers is FuzzHeaders.Signed or FuzzHeaders.SignedWithBadRetryHeaders ? " signed" : " refused");
        var input = $"case {fuzz.Index}: {fuzz.Path}, headers {fuzz.Headers}, {fuzz.Description}";
        using var request = FuzzRequests.Build(fuzz, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        try
        {
            using var response = await Bot.Unsigned.SendAsync(request);
            var status = (int)response.StatusCode;
            var refused = fuzz.Headers is not (FuzzHeaders.Signed or FuzzHeaders.SignedWithBadRetryHeaders);
            if (status >= 500 || (refused && status != 401))
            {
                failures.Add($"{status} from {fuzz.Path}{(refused ? " with bad headers" : "")}", input + ": " + FuzzFailures.Cut(await response.Content.ReadAsStringAsync()));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failures.AddException(ex, input);
        }

        var took = Stopwatch.GetElapsedTime(started).Ticks;
        timings.AddOrUpdate(key, (1, took), (_, t) => (t.Count + 1, t.Ticks + took));
    }
}
