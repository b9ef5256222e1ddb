using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Postmortems;

/// <summary>
/// What one <see cref="UploadPostmortem"/> message got done: the file whose bytes reached Slack
/// (recorded before sharing, so a retry shares that file and never uploads a second), and when it was shared.
/// </summary>
public sealed class PostmortemUploadRecord
{
    /// <summary>The outbox message's id.</summary>
    public long Id { get; set; }

    public IncidentId IncidentId { get; set; }

    public string FileId { get; set; } = "";

    public Instant UploadedAt { get; set; }

    public Instant? SharedAt { get; set; }

    /// <summary>The shared file's address in Slack, when known.</summary>
    public string? Permalink { get; set; }

    /// <summary>When the war room's bookmark of this draft was queued; at most one per incident.</summary>
    public Instant? BookmarkedAt { get; set; }
}
