using IncidentBot.Outbox;
using IncidentBot.Storage;

namespace IncidentBot.Paging;

/// <summary>The outbox step of <see cref="Page"/>: the incident id keeps a repeated trigger one alert.</summary>
public sealed class PageStep(PagerClient pagers) : TypedOutboxStep<Page>
{
    protected override Task RunAsync(OutboxAttempt attempt, Page payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        return pagers.SendAsync(payload.Service, attempt.Incident, trigger: true, cancellationToken);
    }

    protected override Page Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Target ?? "");
    }
}
