namespace IncidentBot.Retention;

/// <summary>Settings of the "Retention" section: how long the bot keeps what it no longer needs, and how it prunes.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Delivered outbox messages are removed this long after they were decided. Default 7 days.</summary>
    public TimeSpan DeliveredOutbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Outbox messages Slack refused for good (kept with their error for the operator) go after this long. Default 90 days.</summary>
    public TimeSpan FailedOutbox { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Audit entries are removed this long after they were written. Default 400 days (a year and its review).</summary>
    public TimeSpan Audit { get; set; } = TimeSpan.FromDays(400);

    /// <summary>
    /// The copies of a war room's messages go once its incident is closed and its post-mortem shared, or this long after it
    /// was closed (or cancelled) without one. Default 30 days. An open incident's copies are always kept.
    /// </summary>
    public TimeSpan MessageCopiesAfterClose { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often retention runs (on the replica that leads the scheduler), and every process gives its C heap's free memory back. Default every hour.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows removed per transaction, so pruning never holds the writer for long. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Batches per turn of the scheduler; what is left waits for the next turn, a moment later, so reminders are not held up. Default 20.</summary>
    public int BatchesPerTurn { get; set; } = 20;
}
