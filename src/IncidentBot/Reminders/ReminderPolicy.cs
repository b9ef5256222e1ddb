using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Scheduling;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Reminders;

/// <summary>
/// Decides which incidents are owed a reminder now and queues one each, with its buttons. Driven by <see cref="IClock"/>,
/// so tests move a fake clock instead of waiting; the due time moves on with each reminder, so a bot that was down
/// for hours sends one reminder per overdue incident, not one per missed interval.
/// </summary>
public sealed class ReminderPolicy(IIncidentStore store, SeverityScheme scheme, IncidentMessages messages, DueWorkRetries retries, IClock clock) : IDueWork
{
    /// <summary>Queues a reminder for every incident whose update is due; returns how many were queued.</summary>
    public async Task<int> SendDueAsync()
    {
        var now = clock.GetCurrentInstant();
        return await retries.EachAsync(nameof(ReminderPolicy), store.DueForReminder(now), async due =>
        {
            var audit = new AuditEntry { At = now, User = DueWorkService.SystemActor, Channel = new SlackChannelId(due.WarRoom.ChannelId ?? ""), IncidentId = due.Id, Command = "update reminder", Outcome = "sent" };
            var change = await store.UpdateAsync(due.Id, audit, incident =>
            {
                var decision = incident.Remind(scheme.Named(incident.Severity), now);
                if (!decision.Applied)
                {
                    return IncidentChanges.Keep(false).Noting("not due any more");
                }

                return IncidentChanges.Save(true, OutboxMessage.For(incident.Id, new PostReminder(WithButtons(messages.Reminder(incident, now), incident.Id)), now));
            }).ConfigureAwait(false);
            return change?.Result == true ? 1 : 0;
        }).ConfigureAwait(false);
    }

    public Instant? NextDue() => retries.Next(nameof(ReminderPolicy), store.NextReminderDue());

    private static RenderedMessage WithButtons(RenderedMessage reminder, IncidentId id)
    {
        var value = id.Value.ToString(CultureInfo.InvariantCulture);
        var stop = BlockKit.Button("Stop reminders", ReminderActions.Stop, value, "danger");
        stop["confirm"] = new JsonObject
        {
            ["title"] = BlockKit.PlainText("Stop reminders?", 100),
            ["text"] = BlockKit.PlainText("No more update reminders for this incident. Only the commander can do this.", 300),
            ["confirm"] = BlockKit.PlainText("Stop", 30),
            ["deny"] = BlockKit.PlainText("Keep them", 30),
        };
        var blocks = reminder.Blocks.DeepClone().AsArray();
        blocks.Add(BlockKit.Actions(
            ReminderActions.BlockId,
            BlockKit.Button("Post update", ReminderActions.PostUpdate, value, "primary"),
            BlockKit.Button("Snooze 15 min", ReminderActions.Snooze15, value),
            BlockKit.Button("Snooze 30 min", ReminderActions.Snooze30, value),
            BlockKit.Button("Snooze 60 min", ReminderActions.Snooze60, value),
            stop));
        return reminder with { Blocks = blocks };
    }
}
