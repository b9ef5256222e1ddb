using IncidentBot.Incidents;
using IncidentBot.Storage;

namespace IncidentBot.Postmortems;

/// <summary>
/// The post-mortem uploads' progress, one document per outbox message (keyed by its id) in the collection
/// <c>postmortem_uploads</c> of the bot's store, beside the incidents.
/// </summary>
public sealed class PostmortemUploadStore(IDocumentStore documents)
{
    private readonly IDocuments<long, PostmortemUploadRecord> uploads = documents.Collection<long, PostmortemUploadRecord>("postmortem_uploads");

    public PostmortemUploadRecord? Find(long outboxId) => uploads.Find(outboxId);

    public Task SaveAsync(PostmortemUploadRecord record) => uploads.UpsertAsync(record);

    public Task ForgetAsync(long outboxId) => uploads.DeleteAsync(outboxId);

    /// <summary>The incidents whose post-mortem draft was shared in the war room at least once.</summary>
    public IReadOnlySet<IncidentId> SharedIncidents() =>
        uploads.All().Where(u => u.SharedAt is not null).Select(u => u.IncidentId).ToHashSet();

    /// <summary>The incidents whose war room has its post-mortem draft bookmarked.</summary>
    public IReadOnlySet<IncidentId> BookmarkedIncidents() =>
        uploads.All().Where(u => u.BookmarkedAt is not null).Select(u => u.IncidentId).ToHashSet();
}
