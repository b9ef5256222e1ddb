using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.WarRooms;

/// <summary>
/// Slack refused an incident's war room for good: the reporter is told, with Slack's reason, where they will see it
/// (an ephemeral answer in the channel they declared from, or a DM when the bot cannot reach that channel), and the
/// incident is marked failed, so no reminder, escalation step or page follows and its pager alerts are resolved.
/// </summary>
public sealed partial class WarRoomFailure(IIncidentStore store, ISlackApi slack, IClock clock, ILogger<WarRoomFailure> logger)
{
    /// <summary>The actor the timeline shows for the failure: Slack's own bot user, as no person did it.</summary>
    private static readonly ResponderId Bot = new("USLACKBOT");

    public async Task HandleAsync(Incident incident, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(error);
        var text = $"I could not create the war room for {incident.Id} ({SlackText.Escape(SlackText.Truncate(incident.Title, 80))}): Slack said `{SlackText.Escape(error)}`. "
            + $"{incident.Id} is marked failed, so nobody is reminded, escalated to or paged for it. Ask your Slack admin about the error, then declare again.";
        await TellAsync(incident, text, ct).ConfigureAwait(false);

        var now = clock.GetCurrentInstant();
        var audit = new AuditEntry { At = now, User = Bot, Channel = new SlackChannelId(incident.OriginChannel), IncidentId = incident.Id, Command = "create war room", Outcome = "failed: " + error };
        await store.UpdateAsync(incident.Id, audit, latest => latest.FailWarRoom(error, Bot, now).Applied ? IncidentChanges.Save(true) : IncidentChanges.Keep(false)).ConfigureAwait(false);
    }

    /// <summary>Best effort: the origin channel first, then a DM; the log has it either way.</summary>
    private async Task TellAsync(Incident incident, string text, CancellationToken ct)
    {
        var reporter = new SlackUserId(incident.Reporter.Value);
        try
        {
            await slack.PostEphemeralAsync(new SlackMessage(new SlackChannelId(incident.OriginChannel), text), reporter, ct).ConfigureAwait(false);
            return;
        }
        catch (SlackApiException ex)
        {
            LogOriginUnreachable(incident.Id, ex.Error);
        }

        try
        {
            var dm = await slack.OpenDirectMessageAsync(reporter, ct).ConfigureAwait(false);
            await slack.PostMessageAsync(new SlackMessage(dm, text), ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            LogNotTold(incident.Id, ex.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The origin channel of {Incident} is unreachable ({Error}); telling the reporter in a DM")]
    private partial void LogOriginUnreachable(IncidentId incident, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the reporter of {Incident} that its war room failed: {Error}")]
    private partial void LogNotTold(IncidentId incident, string error);
}
