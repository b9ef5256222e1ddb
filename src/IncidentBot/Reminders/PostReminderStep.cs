using IncidentBot.Outbox;
using IncidentBot.Storage;

namespace IncidentBot.Reminders;

/// <summary>Posts a reminder once and records its ts on the incident, so the answer to it (an update, a snooze) can close it.</summary>
public sealed class PostReminderStep(OutboxSlack slack, IIncidentStore store) : TypedOutboxStep<PostReminder>
{
    public override bool MayDuplicate => true;

    protected override async Task RunAsync(OutboxAttempt attempt, PostReminder payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        var ts = await slack.PostOnceAsync(attempt, attempt.WarRoom, payload.Message, attempt.Resumed, cancellationToken).ConfigureAwait(false);
        await store.LearnAsync(attempt.Incident.Id, i => i.RecordReminder(ts)).ConfigureAwait(false);
    }
}
