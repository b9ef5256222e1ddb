using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using IncidentBot.Incidents;
using IncidentBot.Paging;
using IncidentBot.Postmortems;
using IncidentBot.Retention;
using IncidentBot.Slack;
using IncidentBot.Storage;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.LoadRun;

/// <summary>
/// A year of use on a fake clock, through the bot's own LiteDB stores and its retention work with the default settings:
/// every day each incident is declared, its war room's messages kept, some noted, resolved, closed and its post-mortem
/// shared, and every outbox message delivered; then the day passes and retention runs. The data file's size
/// and this process's resident memory are printed every month and reported at the start of retention and at the end.
/// </summary>
internal sealed partial class Run
{
    private const int NotesPerIncident = 5;
    private static readonly string[] YearCollections = ["messages", "outbox", "audit", "timeline", "notes"];

    /// <summary>What the bot keeps as the incidents' record (audit entries for <c>Retention:Audit</c>, the rest for good).</summary>
    private static readonly string[] RecordCollections = ["incidents", "timeline", "notes", "note_counts", "audit", "postmortem_uploads", "postmortem_incidents", "counters"];
    private static readonly ResponderId YearCommander = new("U0YEARIC");

    private async Task YearAsync()
    {
        var (days, perDay, messages) = settings.Year;
        var title = $"A year of use ({days} days × {perDay} incidents × {messages} messages, fake clock)";
        var path = Path.Combine(directory, "year.db");
        using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, BsonMappings.Create());
        await using var writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        var signals = new StoreSignals();
        var store = new LiteDbIncidentStore(database, writer, signals);
        var notes = new LiteDbNoteStore(database, writer, signals);
        var uploads = new PostmortemUploadStore(new LiteDbDocumentStore(database, writer));
        var clock = new YearClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        var options = new RetentionOptions();
        var retention = new RetentionWork(store, notes, uploads, clock, Options.Create(options), NullLogger<RetentionWork>.Instance);
        var scheme = new SeverityScheme(SeverityScheme.Defaults, "SEV-3");
        var started = Stopwatch.StartNew();
        var retentionFrom = (int)options.DeliveredOutbox.TotalDays + 1;
        Say($"year: {title}; delivered messages go after {options.DeliveredOutbox.TotalDays} days, copies once the post-mortem is shared");
        for (var day = 1; day <= days; day++)
        {
            var morning = clock.GetCurrentInstant();
            await Task.WhenAll(Enumerable.Range(0, perDay).Select(n => IncidentDayAsync(store, notes, uploads, scheme, morning + Duration.FromMinutes(n), messages)));

            // The bot's outbox takes the lanes with news as it delivers; here the phase delivers, so it takes them too
            // (left, they were the runner's own growth, not the bot's).
            signals.TakeLanesWithNews();
            // The rest of the day is quiet: retention's hourly runs would find nothing more than one run at its end.
            clock.Advance(Duration.FromDays(1));
            while (retention.NextDue() <= clock.GetCurrentInstant())
            {
                await retention.SendDueAsync();
            }

            // As the bot's trimmer does every hour in every process.
            NativeHeap.Trim();

            if (day == retentionFrom || day % 30 == 0 || day == days)
            {
                var figures = YearFigures(path, store, database);
                Say($"year: day {day,3}: {figures} ({started.Elapsed.TotalSeconds:0} s)");
                if (day == retentionFrom || day == days)
                {
                    report.Add(title, $"day {day}{(day == retentionFrom ? " (first delivered messages pruned)" : " (end)")}", figures, day == days ? "flat after retention starts" : "");
                }
            }
        }

        var before = new FileInfo(path).Length;
        var rebuild = Stopwatch.StartNew();
        try
        {
            var freed = database.Rebuild();
            report.Add(title, "LiteDB Rebuild at the end: file before → after, time taken (writes wait meanwhile)", $"{Megabytes(before)} → {Megabytes(new FileInfo(path).Length)} ({freed:N0} bytes freed), {rebuild.ElapsedMilliseconds:N0} ms", "");
        }
        catch (LiteException ex)
        {
            report.Add(title, "LiteDB Rebuild at the end", $"failed after {rebuild.ElapsedMilliseconds:N0} ms: {ex.Message}", "");
        }

        report.Add(title, "whole phase", $"{started.Elapsed.TotalSeconds:0} s", "");
    }

    /// <summary>One incident's life in a day: declared, its messages kept, some noted, resolved, closed, its post-mortem shared, every message delivered.</summary>
    private static async Task IncidentDayAsync(LiteDbIncidentStore store, LiteDbNoteStore notes, PostmortemUploadStore uploads, SeverityScheme scheme, Instant at, int messages)
    {
        List<OutboxMessage> sent = [];
        var incident = await store.InsertAsync(id =>
        {
            var declared = Incident.Declare(id, $"Checkout errors ({id.Value})", scheme.Levels[1], "Some customers could not pay", false, YearCommander, "CGENERAL", $"inc-year-{id.Value}", at);
            declared.UseWarRoom(new WarRoom { PlannedName = $"inc-year-{id.Value}", Name = $"inc-year-{id.Value}", ChannelId = $"CYEAR{id.Value:D6}", DeclarationTs = ScribeNote.InstantToTs(at) });
            sent.AddRange(Enumerable.Range(0, 6).Select(n => OutboxMessage.For(id, new Page($"declaration step {n}"), at)));
            return new IncidentDeclaration(declared, [.. sent], YearAudit(id, "/incident create", at));
        });
        var room = new SlackChannelId(incident.WarRoom.ChannelId!);
        var said = Enumerable.Range(1, messages).Select(n => ScribeNote.InstantToTs(at + Duration.FromSeconds(n))).ToList();
        await Task.WhenAll(said.Select((ts, n) => notes.KeepAsync(new CachedMessage
        {
            Channel = room,
            Ts = ts,
            User = new SlackUserId($"U0PERSON{n % 12:D2}"),
            Text = $"Message {n}: the gateway's connection pool is exhausted on node {n % 9}; rolling back release 4711 in zone {n % 3}.",
            SeenAt = at + Duration.FromSeconds(n),
        })));
        var confirms = said.Take(NotesPerIncident).Select(ts => (Ts: ts, Confirm: OutboxMessage.For(incident.Id, new Page("confirm note"), at).InLane(OutboxMessage.ScribeLane))).ToList();
        sent.AddRange(confirms.Select(c => c.Confirm));
        await Task.WhenAll(confirms.Select(c => notes.TryAddAsync(YearNote(incident, c.Ts, at), [c.Confirm])));

        var end = at + Duration.FromHours(2);
        foreach (var (command, step) in new (string, Func<Incident, Decision>)[]
        {
            ("/incident resolve", i => i.Resolve("Rolled back the gateway release.", YearCommander, end)),
            ("/incident close", i => i.Close(YearCommander, end + Duration.FromMinutes(30))),
        })
        {
            var follow = Enumerable.Range(0, 3).Select(n => OutboxMessage.For(incident.Id, new Page($"{command} step {n}"), end)).ToArray();
            sent.AddRange(follow);
            await store.UpdateAsync(incident.Id, YearAudit(incident.Id, command, end), i => IncidentChanges.Save(step(i).Refusal is null, follow));
        }

        await store.AuditAsync(YearAudit(incident.Id, "/incident list", end));
        await uploads.SaveAsync(new PostmortemUploadRecord { Id = sent[^1].Id, IncidentId = incident.Id, FileId = $"F{incident.Id.Value}", UploadedAt = end, SharedAt = end });
        foreach (var message in sent)
        {
            message.State = OutboxState.Done;
            message.Attempts = 1;
        }

        await Task.WhenAll(sent.Select(m => store.SaveOutboxAsync(m)));
    }

    private static AuditEntry YearAudit(IncidentId id, string command, Instant at) =>
        new() { At = at, User = YearCommander, Channel = new SlackChannelId("CGENERAL"), IncidentId = id, Command = command, Outcome = "done" };

    private static ScribeNote YearNote(Incident incident, string ts, Instant at) => new()
    {
        Key = ScribeNote.KeyOf(incident.Id, ts),
        IncidentId = incident.Id,
        MessageTs = ts,
        Author = new ResponderId("U0PERSON01"),
        Text = "The gateway's connection pool is exhausted; rolling back.",
        WrittenAt = ScribeNote.TsToInstant(ts),
        AddedBy = YearCommander,
        AddedAt = at,
        Source = NoteSource.Reaction,
    };

    /// <summary>
    /// "data file X MB (record R MB, pruned P MB, free F MB), resident Y MB (…); rows kept": memory after a full
    /// collection, so the figure is what stays. Resident memory is split as the kernel counts it (anonymous, mapped from
    /// files, and shared: the runtime's double-mapped JIT code and type data), beside the GC's committed memory, the
    /// methods the JIT compiled (tiered compilation compiles a hot method again) and the threads, so a growth can be told
    /// apart. The record is the pages of <see cref="RecordCollections"/>; pruned, the pages of what retention prunes
    /// (outbox, message copies); free, every page no collection holds (emptied pages awaiting reuse, the header). Rows
    /// and pages are counted in a copy of the checkpointed file: a count or a dump of every page read in the bot's own
    /// database holds each page it reads until it ends, and LiteDB's cache then grows by a segment for good, which would
    /// be the runner's memory, not the bot's.
    /// </summary>
    private string YearFigures(string path, LiteDbIncidentStore store, LiteDatabase database)
    {
        var open = store.ListOpen().Count;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var status = File.ReadLines("/proc/self/status").Select(l => l.Split(':', 2)).Where(p => p[0] is "VmRSS" or "RssAnon" or "RssFile" or "RssShmem" or "Threads")
            .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        var memory = $"resident {status["VmRSS"] / 1024} MB (anonymous {status["RssAnon"] / 1024}, files {status["RssFile"] / 1024}, JIT code and type data {status["RssShmem"] / 1024}; " +
            $"GC committed {Megabytes(gc.TotalCommittedBytes)} of which managed heap {Megabytes(GC.GetTotalMemory(forceFullCollection: false))}; " +
            $"JIT-compiled methods {System.Runtime.JitInfo.GetCompiledMethodCount():N0}; threads {status["Threads"]}; " +
            $"LiteDB compiled expressions {CompiledExpressions():N0}, LiteDB page cache {CachePages(database):N0} pages)";
        database.Checkpoint();
        var copy = Path.Combine(directory, "year-figures.db");
        File.Copy(path, copy, overwrite: true);
        try
        {
            using var counted = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct, ReadOnly = true });
            var rows = string.Join(", ", YearCollections.Select(c => $"{c} {counted.GetCollection(c).Count():N0}"));
            var file = new FileInfo(path).Length;
            var pages = CollectionPages(counted);
            var record = pages.Where(p => RecordCollections.Contains(p.Key)).Sum(p => p.Value) * 8192L;
            var pruned = pages.Where(p => !RecordCollections.Contains(p.Key)).Sum(p => p.Value) * 8192L;
            return $"data file {Megabytes(file)} (record {Megabytes(record)}, pruned {Megabytes(pruned)}, free {Megabytes(file - record - pruned)}), {memory}; {rows}; open {open}; " +
                $"pages {string.Join(", ", pages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}";
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>The pages of each collection (its collection, data and index pages), from LiteDB's dump of every page.</summary>
    private static Dictionary<string, long> CollectionPages(LiteDatabase database)
    {
        using var pages = database.Execute("SELECT { type: $.pageType, collection: $.collection } FROM $dump");
        var counted = new Dictionary<string, long>(StringComparer.Ordinal);
        while (pages.Read())
        {
            // The header and emptied pages (awaiting reuse) belong to no collection: they are counted as free.
            if (pages.Current["type"].AsString is "Collection" or "Data" or "Index")
            {
                var collection = pages.Current["collection"].AsString;
                counted[collection] = counted.GetValueOrDefault(collection) + 1;
            }
        }

        return counted;
    }

    /// <summary>The pages LiteDB's cache holds in memory: it grows by segments, and reuses its pages once a segment's worth are idle.</summary>
    private static long CachePages(LiteDatabase database)
    {
        using var about = database.Execute("SELECT $ FROM $database");
        return about.Read() ? about.Current["cache"]["extendPages"].AsInt64 : 0;
    }

    /// <summary>How many compiled expressions LiteDB keeps in its static caches (each distinct query text, for good).</summary>
    private static int CompiledExpressions() =>
        typeof(BsonExpression).GetFields(BindingFlags.Static | BindingFlags.NonPublic).Select(f => f.GetValue(null)).OfType<ICollection>().Sum(c => c.Count);

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";

    /// <summary>The year's clock: moved only by the phase.</summary>
    private sealed class YearClock(Instant start) : IClock
    {
        private Instant now = start;

        public Instant GetCurrentInstant() => now;

        public void Advance(Duration by) => now += by;
    }
}
