using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Postmortems;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Metrics;

/// <summary>
/// The outbox step that shares a monthly review: rendered when sent, from the month and the one before it, and uploaded
/// once with the post-mortem's upload flow (<see cref="PostmortemUpload.ShareOnceAsync"/>).
/// </summary>
public sealed class ReviewUpload(IIncidentStore store, PostmortemUploadStore uploads, PostmortemUpload files, MessageRenderer renderer, SeverityScheme scheme, IClock clock)
{
    public const string TemplateName = "monthly-review.md";

    /// <summary><c>/incident review 2026-11</c> typed by <paramref name="by"/> in <paramref name="channel"/>.</summary>
    public static OutboxMessage Requested(YearMonth month, SlackChannelId channel, ResponderId by, Instant now) =>
        OutboxMessage.For(OutboxMessage.NoIncident, new UploadReview(MetricsPeriod.Month(month).Label, channel, new SlackUserId(by.Value)), now);

    public static string FileName(YearMonth month) => $"incident-review-{MetricsPeriod.Month(month).Label}.md";

    /// <summary>The review of <paramref name="month"/> as the incidents stand at <paramref name="now"/>.</summary>
    public string Render(YearMonth month, Instant now)
    {
        var previous = MetricsPeriod.Month(month.PlusMonths(-1));
        var incidents = store.DeclaredBetween(previous.Start, MetricsPeriod.Month(month).End);
        return renderer.RenderText(TemplateName, MonthlyReviewModel.For(month, incidents, scheme, uploads.SharedAmong(incidents.Select(i => i.Id)), now));
    }

    /// <summary>Shares the review asked for in outbox message <paramref name="outboxId"/>.</summary>
    public async Task UploadAsync(long outboxId, UploadReview request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MetricsPeriod.ParseMonth(request.Month) is not { } month || request.Channel is not { Value.Length: > 0 } channel)
        {
            throw new SlackApiException("review", "invalid_review_request");
        }

        var asker = request.RequestedBy is { } user ? $", as asked by {SlackText.User(user.Value)}" : "";
        var file = new SharedFile(FileName(month), $"Incident review {request.Month}", $"📊 Monthly incident review of {request.Month}{asker}.");
        await files.ShareOnceAsync(outboxId, OutboxMessage.NoIncident, channel, file, () => Render(month, clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
    }
}
