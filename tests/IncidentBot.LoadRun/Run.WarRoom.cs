namespace IncidentBot.LoadRun;

/// <summary>War room ready: every Slack call takes 100 ms; how close the declaration gets to the dependent chain's minimum.</summary>
internal sealed partial class Run
{
    private static readonly TimeSpan SlackLatency = TimeSpan.FromMilliseconds(100);

    private async Task WarRoomReadyAsync()
    {
        Say("war room ready: every fake Slack call now takes 100 ms");
        slack.Latency = SlackLatency;
        await DeclareAsync("Warm-up payments latency");
        var samples = new List<double>();
        for (var i = 0; i < settings.WarRoomSamples; i++)
        {
            var (_, _, _, ready) = await DeclareAsync($"Ready {i} search timeouts");
            samples.Add(ready.TotalMilliseconds);
        }

        slack.Latency = TimeSpan.Zero;
        samples.Sort();
        var median = samples[samples.Count / 2];
        var chain = 3 * SlackLatency.TotalMilliseconds;
        report.Add(
            "War room ready",
            $"ack → created, posted, pinned, invited, announced (median of {samples.Count}; all: {string.Join(", ", samples.Select(s => $"{s:0}"))} ms)",
            $"{median:0} ms = {median / chain:0.00}× the chain (create → post → pin = {chain:0} ms)",
            "≤ 1.1×");
    }
}
