using System.Diagnostics;

namespace IncidentBot.LoadRun;

/// <summary>
/// LiteDB beside PostgreSQL: the same bot, the same fake Slack and the same load, once on a fresh LiteDB file and once
/// on a fresh PostgreSQL schema, measuring what commits to the store before the ack: the declaration and the severity change.
/// </summary>
internal sealed partial class Run
{
    private static readonly string[] EngineColumns = ["Measure", "LiteDB", "PostgreSQL", "PostgreSQL vs LiteDB"];

    private async Task EnginesAsync()
    {
        Say("engines: LiteDB");
        var liteDb = await MeasureEngineAsync("LiteDB", new Dictionary<string, string> { ["Storage__Path"] = Path.Combine(directory, "engines.db") });
        using var postgres = PostgresForRun.Open(settings.Postgres);
        Say($"engines: PostgreSQL ({postgres.Description})");
        Dictionary<string, (string Text, double Figure)> postgreSql;
        try
        {
            postgreSql = await MeasureEngineAsync("PostgreSQL", new Dictionary<string, string>
            {
                ["Storage__Provider"] = "PostgreSQL",
                ["Storage__ConnectionString"] = postgres.ConnectionString,
            });
        }
        finally
        {
            // Before the database goes away, so the bot does not outlive it.
            bot?.Dispose();
            bot = null;
        }

        var table = report.Table("LiteDB and PostgreSQL", EngineColumns);
        table.Add(["store", "a LiteDB file on this machine's disk", postgres.Description, ""]);
        foreach (var (measure, lite) in liteDb)
        {
            var pg = postgreSql[measure];
            table.Add([measure, lite.Text, pg.Text, Ratio(lite.Figure, pg.Figure)]);
        }
    }

    private static string Ratio(double lite, double pg) => lite > 0 && pg > 0 && double.IsFinite(lite) && double.IsFinite(pg) ? $"{pg / lite:0.00}×" : "";

    /// <summary>A bot on a fresh store of one engine: its start, declarations one at a time and many at once, then severity changes.</summary>
    private async Task<Dictionary<string, (string Text, double Figure)>> MeasureEngineAsync(string engine, Dictionary<string, string> storage)
    {
        var figures = new Dictionary<string, (string Text, double Figure)>(StringComparer.Ordinal);
        bot?.Dispose();
        bot = null;
        bot = await StartBotAsync(storage);
        figures["process start → /health 200 (fresh store; ratio of the times)"] = ($"{Bot.StartToReady.TotalMilliseconds:0} ms", Bot.StartToReady.TotalMilliseconds);

        Say($"engines: {engine}: {settings.EngineDeclarations} declarations one at a time");
        var rooms = new List<string>();
        var acks = new List<long>();
        var ready = new List<double>();
        for (var i = 0; i < settings.EngineDeclarations; i++)
        {
            var declared = await DeclareAsync($"{engine} {i} checkout errors");
            rooms.Add(declared.WarRoom);
            acks.Add((long)(declared.Ack.TotalSeconds * Stopwatch.Frequency));
            ready.Add(declared.Ready.TotalMilliseconds);
        }

        acks.Sort();
        ready.Sort();
        var ackP50 = LoadResult.Percentile(acks, 0.5);
        figures[$"declaration ack, one at a time: p50 / p99 of {acks.Count} (ratio of p50)"] = ($"{ackP50:0.0} / {LoadResult.Percentile(acks, 0.99):0.0} ms", ackP50);
        figures["declaration ack → war room ready, one at a time: median (ratio of the medians)"] = ($"{ready[ready.Count / 2]:0} ms", ready[ready.Count / 2]);

        await DeclarationBurstAsync(engine, figures);
        await SeverityAsync(engine, rooms[..Math.Min(rooms.Count, settings.Connections)], figures);
        return figures;
    }

    /// <summary>Many declarations at once: how fast they are acknowledged, and how long until every war room is ready.</summary>
    private async Task DeclarationBurstAsync(string engine, Dictionary<string, (string Text, double Figure)> figures)
    {
        var count = settings.EngineBurst;
        Say($"engines: {engine}: {count} declarations, {settings.Connections} at a time");
        var bodies = Enumerable.Range(0, count).Select(i => requests.Command($"create {engine} burst {i} payments declined sev2", general, Commander)).ToArray();
        var started = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var acked = await load.SendAllAsync(Bot.Address, bodies, settings.Connections);
        figures[$"{count} declarations, {settings.Connections} at a time: acked/s, p50 / p99 (ratio of acked/s)"] = (
            $"{acked.PerSecond:N0}/s, {acked.P50Ms:0.0} / {acked.P99Ms:0.0} ms, {acked.Failed} failed", acked.PerSecond);

        // Ready: each war room's declaration pinned and its announcement posted.
        var deadline = TimeSpan.FromSeconds(120);
        while (Done("pins.add", c => true) < count || Done("chat.postMessage", c => Arg(c, "channel") == announce && Arg(c, "thread_ts") is null) < count)
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"{engine}: the war rooms of {count} declarations were not all ready within {deadline.TotalSeconds:0} s.{Environment.NewLine}{Bot.RecentLog}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        var all = clock.Elapsed;
        figures[$"… until all {count} war rooms are pinned and announced (ratio of the times)"] = ($"{all.TotalSeconds:0.0} s ({count / all.TotalSeconds:0}/s)", all.TotalSeconds);

        int Done(string method, Func<Tests.Fakes.RecordedCall, bool> match) => slack.Calls(method).Count(c => c.At >= started && match(c));
    }

    /// <summary>The durable change: <c>/incident severity</c> in the war rooms, at the ack path's fixed rates and at saturation.</summary>
    private async Task SeverityAsync(string engine, List<string> rooms, Dictionary<string, (string Text, double Figure)> figures)
    {
        var bodies = SeverityBodies(rooms);
        Func<long, SignedBody> next = s => bodies[s % bodies.Length];
        static bool Answered(ReadOnlySpan<byte> body) => body.IndexOf("text"u8) >= 0;
        Say($"engines: {engine}: /incident severity, warming up");
        await load.SaturateAsync(Bot.Address, next, settings.Connections, settings.WarmUp, Answered);
        foreach (var rate in settings.Rates)
        {
            Say($"engines: {engine}: /incident severity at {rate} req/s");
            var result = await load.FixedRateAsync(Bot.Address, next, rate, settings.Measure, Answered);
            figures[$"/incident severity at {rate} req/s: answered/s, p50 / p99 (ratio of p99)"] = (Severity(result), result.P99Ms);
        }

        Say($"engines: {engine}: /incident severity at saturation");
        var saturated = await load.SaturateAsync(Bot.Address, next, settings.Connections, settings.Measure, Answered);
        figures[$"/incident severity at saturation, {settings.Connections} connections: answered/s, p50 / p99 (ratio of answered/s)"] = (Severity(saturated), saturated.PerSecond);
    }

    private static string Severity(LoadResult result) => $"{result.PerSecond:N0}/s, {result.P50Ms:0.00} / {result.P99Ms:0.00} ms, {result.Failed} failed";
}
