using System.Diagnostics;
using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace IncidentBot.LoadRun;

/// <summary>Growth: a database with years of incidents, each with a long timeline; how long list and a post-mortem take then.</summary>
internal sealed partial class Run
{
    private const int OpenIncidents = 25;

    private async Task GrowthAsync()
    {
        var path = Path.Combine(directory, "growth.db");
        var incidents = settings.GrowthIncidents;
        var seeding = Stopwatch.StartNew();
        Say($"growth: seeding {incidents:N0} incidents with {settings.GrowthEntries} timeline entries each");
        await SeedAsync(path, incidents, settings.GrowthEntries);
        Say($"growth: seeded in {seeding.Elapsed.TotalSeconds:0} s ({new FileInfo(path).Length / 1024.0 / 1024.0:0} MB)");

        Bot.Dispose();
        bot = null;
        bot = await StartBotAsync(path);
        report.Add($"Growth ({incidents:N0} incidents × {settings.GrowthEntries} timeline entries)", "process start → /health 200", $"{Bot.StartToReady.TotalMilliseconds:0} ms", "");

        // The open incidents' updates are long overdue: let the bot send their catch-up reminders before timing reads.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var list = requests.Command("list", general, Commander);
        var listed = await TimeAsync(async () =>
        {
            var text = await PostForTextAsync(list);
            return text.Contains("INC-", StringComparison.Ordinal) ? text : throw new InvalidOperationException($"/incident list did not list the open incidents: {text}");
        });
        var closed = await TimeAsync(() => PostmortemAsync(incidents / 2));
        var open = await TimeAsync(() => PostmortemAsync(incidents));
        var title = $"Growth ({incidents:N0} incidents × {settings.GrowthEntries} timeline entries)";
        report.Add(title, $"/incident list ({OpenIncidents} open), median / p99 of {settings.GrowthSamples}", listed, "≤ 50 ms");
        report.Add(title, "post-mortem draft of a closed incident, median / p99", closed, "≤ 50 ms");
        report.Add(title, "post-mortem draft of an open incident, median / p99", open, "≤ 50 ms");
        report.Add(title, "resident memory after these requests", Bot.ResidentMemory(), "");
    }

    /// <summary>Times <paramref name="request"/> after three untimed calls; "median / p99 ms".</summary>
    private async Task<string> TimeAsync(Func<Task<string>> request)
    {
        for (var i = 0; i < 3; i++)
        {
            await request();
        }

        var ticks = new List<long>(settings.GrowthSamples);
        for (var i = 0; i < settings.GrowthSamples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await request();
            ticks.Add(Stopwatch.GetTimestamp() - started);
        }

        ticks.Sort();
        return $"{LoadResult.Percentile(ticks, 0.5):0.0} / {LoadResult.Percentile(ticks, 0.99):0.0} ms";
    }

    /// <summary>
    /// Writes the incidents straight into a database file through the bot's own store, as years of use would have left it:
    /// all but the last <see cref="OpenIncidents"/> closed, each timeline half the bot's entries and half scribe notes.
    /// </summary>
    private static async Task SeedAsync(string path, int incidents, int entries)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, BsonMappings.Create());
        await using var writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        var signals = new StoreSignals();
        var store = new LiteDbIncidentStore(database, writer, signals);
        var notes = new LiteDbNoteStore(database, writer, signals);
        var scheme = new SeverityScheme(SeverityScheme.Defaults, "SEV-3");
        var now = SystemClock.Instance.GetCurrentInstant();
        const int Chunk = 250;
        for (var first = 1; first <= incidents; first += Chunk)
        {
            var inChunk = Math.Min(Chunk, incidents - first + 1);
            var stored = await Task.WhenAll(Enumerable.Range(first, inChunk).Select(n => store.InsertAsync(id =>
            {
                var declared = now - Duration.FromHours(incidents - n + 1);
                var open = n > incidents - OpenIncidents;
                var incident = Seeded(id, scheme.Levels[n % scheme.Levels.Count], declared, open, entries / 2);
                var audit = new AuditEntry { At = declared, User = incident.Reporter, Channel = new SlackChannelId("CGENERAL"), IncidentId = id, Command = "/incident create", Outcome = "done" };
                return new IncidentDeclaration(incident, [], audit);
            })));
            await Task.WhenAll(stored.SelectMany(i => Notes(i, entries - (entries / 2))).Select(note => notes.TryAddAsync(note, [])));
        }
    }

    private static Incident Seeded(IncidentId id, Severity severity, Instant declared, bool open, int entries)
    {
        var number = id.Value.ToString(CultureInfo.InvariantCulture);
        var commander = new ResponderId($"U0SEED{id.Value % 40:D3}");
        var incident = Incident.Declare(id, $"Checkout errors in region {id.Value % 7} ({number})", severity, "Some customers could not pay", false, commander, "CGENERAL", $"inc-seed-{number}", declared);
        incident.UseWarRoom(new WarRoom { PlannedName = $"inc-seed-{number}", Name = $"inc-seed-{number}", ChannelId = $"CSEED{id.Value:D6}", DeclarationTs = ScribeNote.InstantToTs(declared) });
        var at = declared;
        var closing = open ? 0 : 2;
        while (incident.Recorded.Count < entries - closing)
        {
            at += Duration.FromMinutes(1);
            incident.PostUpdate($"Update {incident.Recorded.Count}: error rate back under 2 % in two of three zones; still rolling back the gateway.", severity, commander, at);
        }

        if (!open)
        {
            incident.Resolve("Rolled back the gateway release.", commander, at + Duration.FromMinutes(5));
            incident.Close(commander, at + Duration.FromMinutes(30));
        }

        return incident;
    }

    private static IEnumerable<ScribeNote> Notes(Incident incident, int count) => Enumerable.Range(1, count).Select(n =>
    {
        var written = incident.DeclaredAt + Duration.FromSeconds(30 * n);
        var ts = ScribeNote.InstantToTs(written);
        return new ScribeNote
        {
            Key = ScribeNote.KeyOf(incident.Id, ts),
            IncidentId = incident.Id,
            MessageTs = ts,
            Author = new ResponderId($"U0PERSON{n % 12:D2}"),
            Text = $"Note {n}: the gateway's connection pool is exhausted on node {n % 9}.",
            WrittenAt = written,
            AddedBy = incident.Reporter,
            AddedAt = written + Duration.FromSeconds(5),
            Source = NoteSource.Reaction,
        };
    });
}
