using IncidentBot.Outbox;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.Reminders;

/// <summary>
/// Edits the open reminders as the message was decided, then forgets them. The reminders are read when the step runs,
/// after every reminder decided before it in the incident's lane was posted; editing one twice is harmless.
/// </summary>
public sealed class CloseRemindersStep(ISlackApi slack, IIncidentStore store) : TypedOutboxStep<CloseReminders>
{
    protected override async Task RunAsync(OutboxAttempt attempt, CloseReminders payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        var open = attempt.Incident.OpenReminders;
        List<string> reminders = payload.Ts is { Length: > 0 } clicked && !open.Contains(clicked) ? [clicked, .. open] : [.. open];
        if (reminders.Count == 0)
        {
            return;
        }

        foreach (var ts in reminders)
        {
            // A reminder someone deleted meanwhile needs no closing.
            await OutboxSlack.IgnoringAsync(slack.UpdateMessageAsync(new SlackMessage(attempt.WarRoom, payload.Message.Text, payload.Message.Blocks), ts, cancellationToken), "message_not_found").ConfigureAwait(false);
        }

        await store.LearnAsync(attempt.Incident.Id, i => i.ForgetReminders(reminders)).ConfigureAwait(false);
    }
}
