using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Storage.Postgres;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Two bot processes on one PostgreSQL database behind one Slack, as a load balancer spreads them: one is killed with
/// SIGKILL in the middle of a declaration, and the other finishes its work and runs the scheduler in its place.
/// </summary>
/// <remarks>
/// Real processes keep real time, so this waits for real seconds: for the dead replica's leases to expire (2 s here)
/// and for the reminders (20 s after each declaration).
/// </remarks>
public sealed class ReplicaTests
{
    private const int Incidents = 20;
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Twenty_declarations_over_two_replicas_one_killed_mid_declaration_make_one_war_room_declaration_and_announcement_each_and_one_reminder_each()
    {
        // The fake Slack's own time stands still: the delayed answer below never reaches the replica that is killed.
        await using var slack = await FakeSlackApi.StartAsync(new TestTime());
        var announce = slack.AddChannel("incidents").Id;
        var environment = Environment(slack, announce, PostgresServer.NewDatabase());
        using var first = await BotProcess.StartAsync(environment);
        using var firstHttp = first.SignedClient();
        await LeaderAsync(firstHttp);
        using var second = await BotProcess.StartAsync(environment);
        using var secondHttp = second.SignedClient();
        Assert.False(await Leads(secondHttp), "one leader at a time");

        // Ten declarations spread over both, all finished in Slack.
        var declared = new List<int>();
        for (var n = 1; n <= 10; n++)
        {
            declared.Add(await DeclareAsync(n % 2 == 1 ? firstHttp : secondHttp, n));
        }

        await FinishedAsync(slack, announce, declared, "the first ten declarations");

        // The eleventh, on the first replica: Slack creates its channel, the answer never arrives, and the replica dies waiting.
        slack.DelayNext("conversations.create", TimeSpan.FromMinutes(10), applyBeforeDelay: true);
        declared.Add(await DeclareAsync(firstHttp, 11));
        await slack.WaitForCallAsync("conversations.create", c => ((string?)c.Args["name"] ?? "").EndsWith("-replica-test-11", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        first.KillHard();

        for (var n = 12; n <= Incidents; n++)
        {
            declared.Add(await DeclareAsync(secondHttp, n));
        }

        await FinishedAsync(slack, announce, declared, "every declaration, on the surviving replica");
        // The dead replica's lease runs out 2 s after its last renewal; the survivor takes it within a third of that.
        await Eventually.TrueAsync(() => Leads(secondHttp), "the surviving replica to lead the scheduler", TimeSpan.FromSeconds(15));

        // Every update falls due within the next interval; the survivor reminds each war room once.
        await Eventually.TrueAsync(() => declared.TrueForAll(i => Reminders(slack, i).Count > 0), "a reminder in every war room", UpdateInterval * 3);
        Assert.Equal(Enumerable.Range(1, Incidents), declared);
        foreach (var incident in declared)
        {
            var room = Assert.Single(WarRooms(slack, incident));
            var declaration = Assert.Single(slack.Messages(room.Id), m => !m.Text.StartsWith('⏰'));
            Assert.Contains($"INC-{incident}", declaration.Text, StringComparison.Ordinal);
            Assert.Equal([declaration.Ts], slack.Pins(room.Id));
            Assert.Single(Announcements(slack, announce, incident));
            Assert.Single(Reminders(slack, incident));
        }

        second.KillHard();
    }

    private static Dictionary<string, string> Environment(FakeSlackApi slack, string announce, string connectionString) => new()
    {
        ["Slack__BotToken"] = "xoxb-replica-test",
        ["Slack__SigningSecret"] = BotHost.SigningSecret,
        ["Slack__ApiBaseUrl"] = slack.BaseUrl.ToString(),
        ["Slack__RetryBaseDelay"] = "00:00:00.050",
        ["Storage__Provider"] = "PostgreSQL",
        ["Storage__ConnectionString"] = connectionString,
        ["Storage__LeaseDuration"] = "00:00:02",
        ["Incidents__AnnouncementChannel"] = announce,
        ["Incidents__Severities__0__Name"] = "SEV-1",
        ["Incidents__Severities__0__UpdateInterval"] = UpdateInterval.ToString("c", CultureInfo.InvariantCulture),
        ["Incidents__Severities__1__Name"] = "SEV-2",
        ["Incidents__Severities__1__UpdateInterval"] = "01:00:00",
    };

    /// <summary>Declares "Replica test n" through the replica and returns the incident number its answer names.</summary>
    private static async Task<int> DeclareAsync(HttpClient replica, int n)
    {
        var text = await BotProcess.CommandAsync(replica, "C0GENERAL", $"create Replica test {n} sev1");
        var at = text.IndexOf("Declaring *INC-", StringComparison.Ordinal);
        Assert.True(at >= 0, text);
        var digits = text[(at + "Declaring *INC-".Length)..].TakeWhile(char.IsAsciiDigit).ToArray();
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for the replica's health to say it leads: the first to start takes the lease within moments.</summary>
    private static async Task LeaderAsync(HttpClient replica)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (30 * TimeProvider.System.TimestampFrequency);
        while (!await Leads(replica))
        {
            Assert.True(TimeProvider.System.GetTimestamp() < deadline, "the first replica leads the scheduler within 30 s");
            await Task.Delay(20);
        }
    }

    private static async Task<bool> Leads(HttpClient replica)
    {
        using var health = await replica.GetAsync(new Uri("/health", UriKind.Relative));
        var json = JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
        return (string?)json["scheduler"] == "leader";
    }

    /// <summary>Waits for each declaration's war room, pin and announcement; a timeout names what is missing of which.</summary>
    private static async Task FinishedAsync(FakeSlackApi slack, string announce, List<int> declared, string what)
    {
        try
        {
            await Eventually.TrueAsync(() => declared.TrueForAll(i => Finished(slack, announce, i)), what + " to finish", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            var missing = declared.Where(i => !Finished(slack, announce, i)).Select(i => $"INC-{i}");
            var seen = string.Join(", ", slack.Calls().GroupBy(c => c.Method).Select(g => $"{g.Key} ×{g.Count()}"));
            throw new TimeoutException($"Unfinished after 60 s: {string.Join(", ", missing)}. Slack saw: {seen}. Channels: {string.Join(", ", slack.Channels.Select(c => c.Name))}");
        }
    }

    private static bool Finished(FakeSlackApi slack, string announce, int incident) =>
        WarRooms(slack, incident).FirstOrDefault() is { } room
        && slack.Pins(room.Id).Count > 0
        && Announcements(slack, announce, incident).Count > 0;

    /// <summary>
    /// The war rooms of an incident: named by day and title, and each incident here is declared, in turn, with its own
    /// number as its title's (INC-n is "Replica test n").
    /// </summary>
    private static List<FakeChannel> WarRooms(FakeSlackApi slack, int incident) =>
        slack.Channels.Where(c => c.Name.EndsWith($"-replica-test-{incident}", StringComparison.Ordinal)).ToList();

    private static List<FakeMessage> Announcements(FakeSlackApi slack, string announce, int incident) =>
        slack.Messages(announce).Where(m => m.ThreadTs is null && Regex.IsMatch(m.Text, $@"INC-{incident}(?!\d)")).ToList();

    private static List<FakeMessage> Reminders(FakeSlackApi slack, int incident) =>
        WarRooms(slack, incident)
            .SelectMany(c => slack.Messages(c.Id))
            .Where(m => m.Text.StartsWith('⏰'))
            .ToList();
}
