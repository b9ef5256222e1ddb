using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.LoadRun;

/// <summary>The reaction burst: a war room's messages all marked with the scribe emoji at once, then counted on the timeline.</summary>
internal sealed partial class Run
{
    private async Task ReactionBurstAsync()
    {
        var count = settings.BurstReactions;
        Say($"reaction burst: {count} messages, then {count} :memo: reactions in one war room");
        var (number, room, _, _) = await DeclareAsync("Burst checkout outage");
        var said = Enumerable.Range(0, count)
            .Select(i => slack.AddMessage(room, $"U0PERSON{(i % 12).ToString("D2", CultureInfo.InvariantCulture)}", NoteText(i)))
            .ToList();

        // Slack sends each message to the bot as it is posted; that is where the bot's copy of the text comes from.
        var messages = await load.SendAllAsync(Bot.Address, [.. said.Select(m => requests.Event(MessageEvent(m)))], settings.Connections);
        var reactions = await load.SendAllAsync(Bot.Address, [.. said.Select(m => requests.Event(ReactionEvent(m)))], 2 * settings.Connections);

        var draft = await PostmortemAsync(number);
        var once = Enumerable.Range(0, count).Count(i => Occurrences(draft, NoteText(i)) == 1);
        report.Add("Reaction burst", $"{count:N0} message events: answered/s, p99", $"{messages.PerSecond:N0}/s, p99 {messages.P99Ms:0.0} ms, {messages.Failed} failed", "");
        report.Add("Reaction burst", $"{count:N0} :memo: reactions: ingested/s (acked after the note is stored)", $"{reactions.PerSecond:N0}/s", "≥ 1,000/s");
        report.Add("Reaction burst", "reaction ack p50 / p99 / slowest", $"{reactions.P50Ms:0.0} / {reactions.P99Ms:0.0} / {reactions.MaxMs:0.0} ms, {reactions.Failed} failed", "every ack < 3,000 ms");
        report.Add("Reaction burst", "notes on the post-mortem timeline exactly once", $"{once:N0} of {count:N0}", $"{count:N0} of {count:N0}");
    }

    private static string NoteText(int i) => $"burst note {i.ToString("D5", CultureInfo.InvariantCulture)}: payment gateway answered 502";

    private static JsonObject MessageEvent(FakeMessage message) => new()
    {
        ["type"] = "message",
        ["channel"] = message.Channel,
        ["user"] = message.User,
        ["text"] = message.Text,
        ["ts"] = message.Ts,
        ["event_ts"] = message.Ts,
        ["channel_type"] = "channel",
    };

    private static JsonObject ReactionEvent(FakeMessage message) => new()
    {
        ["type"] = "reaction_added",
        ["user"] = Commander,
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = message.Channel, ["ts"] = message.Ts },
        ["reaction"] = "memo",
        ["item_user"] = message.User,
        ["event_ts"] = message.Ts,
    };

    private async Task<string> PostmortemAsync(int number)
    {
        using var response = await load.GetAsync(new Uri(Bot.Address, $"incidents/{number.ToString(CultureInfo.InvariantCulture)}/postmortem.md"), AccessToken);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK ? text : throw new InvalidOperationException($"The post-mortem draft answered HTTP {(int)response.StatusCode}: {text}{Environment.NewLine}{Bot.RecentLog}");
    }

    private static int Occurrences(string text, string part)
    {
        var found = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            found++;
        }

        return found;
    }
}
