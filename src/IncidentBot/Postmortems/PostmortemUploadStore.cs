using IncidentBot.Storage;
using LiteDB;

namespace IncidentBot.Postmortems;

/// <summary>The post-mortem uploads' progress in LiteDB, one document per outbox message, beside the incidents.</summary>
public sealed class PostmortemUploadStore(LiteDatabase database)
{
    private readonly ILiteCollection<PostmortemUploadRecord> uploads = database.GetCollection<PostmortemUploadRecord>("postmortem_uploads");

    public PostmortemUploadRecord? Find(long outboxId) =>
        LiteDbLimits.Read(() => uploads.FindById(outboxId));

    public void Save(PostmortemUploadRecord record) => LiteDbLimits.Read(() => uploads.Upsert(record));

    public bool Forget(long outboxId) =>
        LiteDbLimits.Read(() => uploads.Delete(outboxId));

    /// <summary>The incidents whose post-mortem draft was shared in the war room at least once.</summary>
    public IReadOnlySet<int> SharedIncidents() =>
        LiteDbLimits.Read(() => uploads.FindAll().Where(u => u.SharedAt is not null).Select(u => u.IncidentId).ToHashSet());
}
