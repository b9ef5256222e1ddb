using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;

namespace IncidentBot.Bookmarks;

/// <summary>
/// Adds one bookmark to the war room. Reading bookmarks back would need another scope, so a crash in the middle of
/// the call may, rarely, leave the same bookmark twice.
/// </summary>
public sealed class AddBookmarkStep(ISlackApi slack) : TypedOutboxStep<AddBookmark>
{
    /// <summary>The longest title the bot gives a bookmark; longer ones are cut visibly.</summary>
    public const int TitleMax = 60;

    protected override async Task RunAsync(OutboxAttempt attempt, AddBookmark payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        var link = IncidentLinks.Fill(payload.Url, attempt.Incident) ?? throw new SlackApiException("bookmarks.add", "invalid_link");
        await slack.AddBookmarkAsync(attempt.WarRoom, SlackText.Truncate(payload.Title, TitleMax), link, cancellationToken).ConfigureAwait(false);
    }
}
