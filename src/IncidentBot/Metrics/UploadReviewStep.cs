using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.Metrics;

/// <summary>The outbox step of <see cref="UploadReview"/>; when Slack refuses, the asker is told why.</summary>
public sealed class UploadReviewStep(ReviewUpload reviews, OutboxSlack slack) : TypedOutboxStep<UploadReview>
{
    protected override Task RunAsync(OutboxAttempt attempt, UploadReview payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return reviews.UploadAsync(attempt.Message.Id, payload, cancellationToken);
    }

    protected override Task RefusedAsync(OutboxAttempt attempt, UploadReview payload, string slackError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var text = $"I could not share the monthly review: Slack said `{slackError}`. Is the bot in this channel? Invite it, then ask again.";
        return slack.TellAsync(payload.Channel, payload.RequestedBy ?? new SlackUserId(""), text, cancellationToken);
    }

    protected override UploadReview Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Text ?? "", new SlackChannelId(stored.Target ?? ""), stored.Users.Count > 0 ? new SlackUserId(stored.Users[0]) : null);
    }
}
