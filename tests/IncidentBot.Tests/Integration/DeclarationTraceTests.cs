using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using IncidentBot.Observability;
using IncidentBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using OpenTelemetry.Trace;

namespace IncidentBot.Tests.Integration;

/// <summary>The spans of a declaration, caught by OpenTelemetry's in-memory exporter: one trace from the slash command to Slack.</summary>
public sealed class DeclarationTraceTests : BotTest
{
    /// <summary>
    /// Every span this host's tracer exported; other tests' hosts run in the same process, so a test filters by trace. The
    /// exporter adds on the threads that end spans while the test reads, so it is a queue, never a bare list.
    /// </summary>
    private readonly Spans spans = new();

    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));

    private protected override IClock? Clock => clock;

    /// <summary>The bot's tracing as <c>AddObservability</c> sets it up for OTLP, exported to memory instead.</summary>
    private protected override void ConfigureServices(IServiceCollection services) =>
        services.AddOpenTelemetry().WithTracing(t => t.AddIncidentBotInstrumentation().AddInMemoryExporter(spans));

    [Fact]
    public async Task One_trace_follows_a_declaration_from_the_slash_command_through_each_outbox_step_to_slack()
    {
        await Bot.ReplyAsync("create Checkout returns 500s sev2");
        await Bot.OutboxDrainedAsync();

        // Other tests' hosts in this process declare too, and their spans reach this exporter: this host's declaration is
        // the one whose trace calls this test's Slack.
        await Eventually.TrueAsync(() => Exported().Any(IsOurDeclaration), "the command's span");
        var command = Exported().First(IsOurDeclaration);
        // The request's own span ends after its answer is written, so it may be exported after the steps' spans.
        await Eventually.TrueAsync(
            () => InTrace(command) is var spans
                && spans.Count(s => s.DisplayName.StartsWith("outbox ", StringComparison.Ordinal)) >= 6
                && spans.Any(s => s.SpanId == command.ParentSpanId && s.Kind == ActivityKind.Server),
            "a span for each of the six steps and the request's own");
        var trace = InTrace(command);
        var steps = trace.Where(s => s.DisplayName.StartsWith("outbox ", StringComparison.Ordinal)).ToList();

        Assert.Equal("ok", command.GetTagItem("incidentbot.command.outcome"));
        Assert.Contains(trace, s => s.SpanId == command.ParentSpanId && s.Kind == ActivityKind.Server);
        Assert.Equal(
            ["outbox Announce", "outbox CreateWarRoom", "outbox Invite", "outbox PinDeclaration", "outbox PostDeclaration", "outbox SetTopic"],
            steps.Select(s => s.DisplayName).Order(StringComparer.Ordinal));
        Assert.All(steps, s => Assert.Equal(command.SpanId, s.ParentSpanId));
        Assert.All(steps, s => Assert.Equal("done", s.GetTagItem("incidentbot.outbox.outcome")));

        // The Web API calls are children of the step that made them, one trace down to Slack.
        var calls = trace.Where(s => s.Kind == ActivityKind.Client).ToList();
        Assert.Contains(calls, c => Step(c) == "outbox CreateWarRoom" && Url(c).EndsWith("/conversations.create", StringComparison.Ordinal));
        Assert.Contains(calls, c => Step(c) == "outbox PostDeclaration" && Url(c).EndsWith("/chat.postMessage", StringComparison.Ordinal));
        Assert.Contains(calls, c => Step(c) == "outbox PinDeclaration" && Url(c).EndsWith("/pins.add", StringComparison.Ordinal));
        Assert.Contains(calls, c => Step(c) == "outbox SetTopic" && Url(c).EndsWith("/conversations.setTopic", StringComparison.Ordinal));

        string? Step(Activity call) => steps.FirstOrDefault(s => s.SpanId == call.ParentSpanId)?.DisplayName;
    }

    [Fact]
    public async Task Commands_outbox_deliveries_reminders_and_slack_calls_are_counted_by_what_they_were()
    {
        var measured = new ConcurrentQueue<(string Instrument, double Value, string Tags)>();
        var meters = Bot.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: other tests' hosts in this process have instruments of the same names.
            if (instrument.Meter.Name == BotTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();

        await Bot.ReplyAsync("create Checkout returns 500s sev1");
        await Bot.ReplyAsync("no-such-verb");
        await Bot.OutboxDrainedAsync();
        clock.AdvanceMinutes(16);
        Bot.Services.GetRequiredService<StoreSignals>().Incidents.Notify();
        await Eventually.TrueAsync(() => measured.Contains(("incidentbot.scheduled.fired", 1.0, "work=reminder")), "the update reminder counted");
        await Eventually.TrueAsync(() => measured.Count(m => m.Instrument == "incidentbot.outbox.deliveries") >= 6, "the six deliveries counted");

        Assert.Contains(("incidentbot.commands", 1.0, "outcome=ok,verb=create"), measured);
        Assert.Contains(("incidentbot.commands", 1.0, "outcome=unknown,verb=unknown"), measured);
        Assert.Contains(("incidentbot.outbox.deliveries", 1.0, "kind=CreateWarRoom,outcome=done"), measured);
        Assert.Contains(measured, m => m.Instrument == "incidentbot.outbox.lane.depth" && m.Value >= 1);
        Assert.Contains(measured, m => m.Instrument == "incidentbot.slack.api.duration" && m.Tags == "method=conversations.create,status=200");
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        string.Join(',', tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));

    private static bool IsDeclaration(Activity span) => span.Source.Name == BotTelemetry.Name && span.DisplayName == "/incident create";

    private bool IsOurDeclaration(Activity span) =>
        IsDeclaration(span) && InTrace(span).Any(s => s.Kind == ActivityKind.Client && Url(s).StartsWith(Slack.BaseUrl.ToString(), StringComparison.Ordinal));

    private static string Url(Activity call) => call.GetTagItem("url.full") as string ?? "";

    /// <summary>A copy: the exporter adds each span as it ends, and the test polls until the ones it waits for are there.</summary>
    private List<Activity> Exported() => [.. spans.Snapshot()];

    /// <summary>The collection OpenTelemetry's in-memory exporter adds to, safe to read while it adds.</summary>
    private sealed class Spans : ICollection<Activity>
    {
        private readonly ConcurrentQueue<Activity> queue = new();

        public int Count => queue.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => queue.Enqueue(item);

        /// <summary>Every span so far, taken at once: a copy by count and then items would race the exporter's adds.</summary>
        public Activity[] Snapshot() => queue.ToArray();

        public void Clear() => queue.Clear();

        public bool Contains(Activity item) => queue.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException("spans are only ever added");

        public IEnumerator<Activity> GetEnumerator() => queue.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private List<Activity> InTrace(Activity span) => Exported().Where(s => s.TraceId == span.TraceId).ToList();
}
