using NodaTime;

namespace IncidentBot.Retention;

/// <summary>What one completed retention run removed, and the data file's size after its compaction (null on PostgreSQL, or when nothing was removed).</summary>
public sealed record RetentionRun(Instant At, int Outbox, int Audit, int MessageCopies, long? DataFileBytes);
