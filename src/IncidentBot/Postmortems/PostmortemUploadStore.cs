using IncidentBot.Incidents;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Postmortems;

/// <summary>
/// The post-mortem uploads' progress in the bot's store, beside the incidents: one document per outbox message (keyed by
/// its id) in the collection <c>postmortem_uploads</c>, and what they did for each incident (keyed by the incident's id)
/// in <c>postmortem_incidents</c>, written before the upload record that says it, so what an incident is asked about is
/// found by its key and never by reading every upload there was.
/// </summary>
public sealed class PostmortemUploadStore(IDocumentStore documents)
{
    /// <summary>
    /// Under this id, which is no incident's (a monthly review's upload has it), the incidents' collection says it holds
    /// what the upload records stored before it had: see <see cref="CarryOverAsync"/>.
    /// </summary>
    private static readonly IncidentId CarriedOver = OutboxMessage.NoIncident;

    /// <summary>How many incidents' documents the carry-over writes at once, so the writer commits them in groups.</summary>
    private const int CarryOverBatch = 256;

    private readonly IDocuments<long, PostmortemUploadRecord> uploads = documents.Collection<long, PostmortemUploadRecord>("postmortem_uploads");
    private readonly IDocuments<IncidentId, PostmortemIncidentRecord> incidents = documents.Collection<IncidentId, PostmortemIncidentRecord>("postmortem_incidents");

    public PostmortemUploadRecord? Find(long outboxId) => uploads.Find(outboxId);

    /// <summary>
    /// Stores <paramref name="record"/>; once it says its draft was shared or bookmarked, its incident's document says so
    /// first: that only tells what Slack was already asked to do, so a stop between the two writes leaves it true.
    /// </summary>
    public async Task SaveAsync(PostmortemUploadRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.SharedAt is not null || record.BookmarkedAt is not null)
        {
            if (Merged(incidents.Find(record.IncidentId), record) is { } changed)
            {
                await incidents.UpsertAsync(changed).ConfigureAwait(false);
            }
        }

        await uploads.UpsertAsync(record).ConfigureAwait(false);
    }

    public Task ForgetAsync(long outboxId) => uploads.DeleteAsync(outboxId);

    /// <summary>Whether the war room of <paramref name="incident"/> has its post-mortem draft bookmarked.</summary>
    public bool IsBookmarked(IncidentId incident) => incidents.Find(incident)?.BookmarkedAt is not null;

    /// <summary>Those of <paramref name="candidates"/> whose post-mortem draft was shared in the war room at least once.</summary>
    public IReadOnlySet<IncidentId> SharedAmong(IEnumerable<IncidentId> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var asked = candidates.Where(id => id != CarriedOver).ToHashSet();
        return incidents.FindMany(asked).Where(i => i.SharedAt is not null).Select(i => i.Id).ToHashSet();
    }

    /// <summary>
    /// Once per store, at start: gives every incident named by an upload record stored before the incidents' collection
    /// (by an earlier version) its document, then marks the collection carried over, so later starts read one document.
    /// Stopped half-way, it starts again next time: merging the same records again changes nothing.
    /// </summary>
    /// <returns>The number of incidents' documents written.</returns>
    public async Task<int> CarryOverAsync()
    {
        if (incidents.Find(CarriedOver) is not null)
        {
            return 0;
        }

        var written = 0;
        foreach (var batch in uploads.All().GroupBy(r => r.IncidentId).Chunk(CarryOverBatch))
        {
            var known = incidents.FindMany(batch.Select(g => g.Key).ToList()).ToDictionary(i => i.Id);
            var changed = new List<PostmortemIncidentRecord>();
            foreach (var records in batch)
            {
                var current = known.GetValueOrDefault(records.Key);
                foreach (var record in records)
                {
                    current = Merged(current, record) ?? current;
                }

                if (current is not null && !ReferenceEquals(current, known.GetValueOrDefault(records.Key)))
                {
                    changed.Add(current);
                }
            }

            await Task.WhenAll(changed.Select(incidents.UpsertAsync)).ConfigureAwait(false);
            written += changed.Count;
        }

        await incidents.UpsertAsync(new PostmortemIncidentRecord { Id = CarriedOver }).ConfigureAwait(false);
        return written;
    }

    /// <summary>The incident's document once <paramref name="record"/> is told to it (the earliest share and bookmark), or null when it says nothing new.</summary>
    private static PostmortemIncidentRecord? Merged(PostmortemIncidentRecord? known, PostmortemUploadRecord record)
    {
        if (record.IncidentId == CarriedOver)
        {
            return null;
        }

        var shared = Earliest(known?.SharedAt, record.SharedAt);
        var bookmarked = Earliest(known?.BookmarkedAt, record.BookmarkedAt);
        return shared == known?.SharedAt && bookmarked == known?.BookmarkedAt
            ? null
            : new PostmortemIncidentRecord { Id = record.IncidentId, SharedAt = shared, BookmarkedAt = bookmarked };
    }

    private static Instant? Earliest(Instant? one, Instant? other) =>
        one is { } a && other is { } b ? Instant.Min(a, b) : one ?? other;
}
