using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.Postmortems;

/// <summary>The outbox step of <see cref="UploadPostmortem"/>: a file shared once, however often it is retried.</summary>
public sealed class UploadPostmortemStep(PostmortemUpload upload) : TypedOutboxStep<UploadPostmortem>
{
    protected override Task RunAsync(OutboxAttempt attempt, UploadPostmortem payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        return upload.UploadAsync(attempt.Message.Id, attempt.Incident, payload.RequestedBy, cancellationToken);
    }

    protected override UploadPostmortem Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Users.Count > 0 ? new SlackUserId(stored.Users[0]) : null);
    }
}
