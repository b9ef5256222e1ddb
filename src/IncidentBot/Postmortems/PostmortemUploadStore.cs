using IncidentBot.Incidents;
using IncidentBot.Storage;
using LiteDB;

namespace IncidentBot.Postmortems;

/// <summary>
/// The post-mortem uploads' progress in LiteDB, one document per outbox message, beside the incidents. Its writes go
/// through the <see cref="GroupCommitter"/> like every other: a second writer beside it can hand two transactions the
/// same free page of the file, which LiteDB then finds corrupt.
/// </summary>
public sealed class PostmortemUploadStore(LiteDatabase database, GroupCommitter writer)
{
    private readonly ILiteCollection<PostmortemUploadRecord> uploads = database.GetCollection<PostmortemUploadRecord>("postmortem_uploads");

    public PostmortemUploadRecord? Find(long outboxId) =>
        LiteDbLimits.Read(() => uploads.FindById(outboxId));

    public Task SaveAsync(PostmortemUploadRecord record) => writer.WriteAsync(() => uploads.Upsert(record));

    public Task ForgetAsync(long outboxId) => writer.WriteAsync(() => uploads.Delete(outboxId));

    /// <summary>The incidents whose post-mortem draft was shared in the war room at least once.</summary>
    public IReadOnlySet<IncidentId> SharedIncidents() =>
        LiteDbLimits.Read(() => uploads.FindAll().Where(u => u.SharedAt is not null).Select(u => u.IncidentId).ToHashSet());

    /// <summary>The incidents whose war room has its post-mortem draft bookmarked.</summary>
    public IReadOnlySet<IncidentId> BookmarkedIncidents() =>
        LiteDbLimits.Read(() => uploads.FindAll().Where(u => u.BookmarkedAt is not null).Select(u => u.IncidentId).ToHashSet());
}
