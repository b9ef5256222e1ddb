using System.Text.Json.Nodes;

namespace IncidentBot.LoadRun;

/// <summary>The acknowledgement path: signed commands at fixed rates and at saturation, the bot beside the bare endpoint.</summary>
internal sealed partial class Run
{
    private static readonly string[] AckColumns = ["Load", "Endpoint", "answered/s", "p50 ms", "p99 ms", "throughput vs bare", "p99 vs bare", "failed"];

    private async Task AckPathAsync()
    {
        Say($"ack path: declaring {settings.Connections} incidents for the severity command");
        var rooms = new List<string>();
        for (var i = 0; i < settings.Connections; i++)
        {
            rooms.Add((await DeclareAsync($"Load {i} checkout errors")).WarRoom);
        }

        var changed = 0L;
        var targets = new (string Name, ServerProcess Server, Func<SignedBody[]> Bodies, LoadGenerator.AnswerCheck Check)[]
        {
            ("bare endpoint (signature check, 200)", Bare, () => [requests.Command("help", general, Commander)], _ => true),
            ("bot: /incident help", Bot, () => [requests.Command("help", general, Commander)], body => body.IndexOf("/incident"u8) >= 0),
            ("bot: /incident list", Bot, () => [requests.Command("list", general, Commander)], body => body.IndexOf("INC-"u8) >= 0),
            ("bot: /incident severity (war room)", Bot, () => SeverityBodies(rooms), body =>
            {
                if (body.IndexOf(" is now "u8) >= 0)
                {
                    Interlocked.Increment(ref changed);
                }

                return body.IndexOf("text"u8) >= 0;
            }),
        };

        Say("ack path: warming up");
        foreach (var (_, server, bodies, check) in targets)
        {
            var warm = bodies();
            await load.SaturateAsync(server.Address, s => warm[s % warm.Length], settings.Connections, settings.WarmUp, check);
        }

        Interlocked.Exchange(ref changed, 0);
        var table = report.Table("Ack path", AckColumns);
        var levels = settings.Rates.Select(r => (Name: $"{r} req/s", Rate: (int?)r)).Append(($"saturation, {settings.Connections} connections", null));
        long sent = 0;
        var readOnly = new List<string>();
        var late = new List<string>();
        var wrk = Wrk.Find(directory);
        if (wrk is null)
        {
            Say(Wrk.InstallHint);
        }

        foreach (var (level, rate) in levels)
        {
            LoadResult? ceiling = null;
            foreach (var (name, server, bodies, check) in targets)
            {
                Say($"ack path: {name} at {level}");
                await OutboxDrainedAsync();
                var signed = bodies();
                Func<long, SignedBody> next = s => signed[s % signed.Length];
                var result = rate is { } perSecond
                    ? await load.FixedRateAsync(server.Address, next, perSecond, settings.FixedRateMeasure, check)
                    : wrk is not null
                        ? await wrk.SaturateAsync(server.Address, signed, settings.Connections, settings.Measure)
                        : await load.SaturateAsync(server.Address, next, settings.Connections, settings.Measure, check);
                ceiling ??= result;
                if (result.LateP99Ms is { } lateMs)
                {
                    late.Add($"{lateMs:0.00}");
                }

                if (rate is null && name.Contains("bot: /incident", StringComparison.Ordinal) && !name.Contains("severity", StringComparison.Ordinal))
                {
                    readOnly.Add($"{name[5..]} {result.PerSecond / ceiling.PerSecond:0.00}×");
                }

                if (name.Contains("severity", StringComparison.Ordinal) && (rate is not null || wrk is null))
                {
                    sent += result.Sent;
                }

                table.Add([
                    level, name, $"{result.PerSecond:N0}", $"{result.P50Ms:0.00}", $"{result.P99Ms:0.00}",
                    $"{result.PerSecond / ceiling.PerSecond:0.00}×", $"{result.P99Ms / ceiling.P99Ms:0.0}×", $"{result.Failed}",
                ]);
            }
        }

        report.Add("Checks", "saturation generator", Wrk.Describe(wrk), "wrk");
        report.Add("Checks", "fixed-rate generator: p99 of how late each request left (ms), each level and endpoint in the table's order", string.Join(", ", late), "not in the latencies above");
        report.Add("Checks", "read-only commands vs the bare endpoint at saturation", string.Join(", ", readOnly), "help ≥ 0.5×, list ≥ 0.35×");
        report.Add("Checks", "severity commands that changed the severity", $"{changed:N0} of {sent:N0}{(wrk is null ? "" : " at the fixed rates (wrk does not read the answers)")} (the rest found it already set by a request still queued)", "");
    }

    /// <summary>
    /// Waits (at most a minute) until the bot has delivered every outbox message, so the Slack messages of one level's
    /// changes are not sent during the next measurement: each endpoint is measured from a bot with nothing left to do.
    /// </summary>
    private async Task OutboxDrainedAsync()
    {
        var until = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(1);
        while (TimeProvider.System.GetUtcNow() < until)
        {
            using var health = await load.GetAsync(new Uri(Bot.Address, "health"));
            if ((string?)JsonNode.Parse(await health.Content.ReadAsStringAsync())?["outbox_pending"] == "0")
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Alternates each war room between SEV-1 and SEV-2, so every command in sequence is a real change.</summary>
    private SignedBody[] SeverityBodies(List<string> rooms)
    {
        var bodies = new SignedBody[rooms.Count * 2];
        for (var i = 0; i < bodies.Length; i++)
        {
            var room = rooms[i % rooms.Count];
            bodies[i] = requests.Command((i / rooms.Count) % 2 == 0 ? "severity sev1" : "severity sev2", room, Commander);
        }

        return bodies;
    }
}
