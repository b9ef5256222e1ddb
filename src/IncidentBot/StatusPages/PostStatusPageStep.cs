using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.StatusPages;

/// <summary>Posts a status-page draft once, where <see cref="StatusPageHandler.Destination"/> says.</summary>
public sealed class PostStatusPageStep(OutboxSlack slack, IOptions<IncidentsOptions> options) : TypedOutboxStep<PostStatusPage>
{
    public override bool MayDuplicate => true;

    protected override Task RunAsync(OutboxAttempt attempt, PostStatusPage payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        var destination = StatusPageHandler.Destination(attempt.Incident, options.Value) is { } channel ? new SlackChannelId(channel) : attempt.WarRoom;
        return slack.PostOnceAsync(attempt, destination, payload.Message, attempt.Resumed, cancellationToken);
    }

    protected override PostStatusPage Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(new RenderedMessage(stored.Text ?? "", stored.Blocks));
    }
}
