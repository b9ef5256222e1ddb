using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using IncidentBot.WarRooms;

namespace IncidentBot.Acknowledgements;

/// <summary>
/// <c>/incident ack [INC-42]</c>: "I have it". Records who acknowledged and when (the first acknowledgement counts; a
/// second is answered with who did, and changes nothing), which stops the response-target escalation.
/// </summary>
public sealed class AckHandler(IncidentActions actions, IncidentChanger changer, AcknowledgementMessages messages) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["ack"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        context.Audited = true;
        var now = context.Now;
        var outcome = await changer.ApplyAsync(new ChangeRequest(
            incident.Id,
            context.User,
            context.Channel,
            AuditEntries.For(context, incident.Id, ""),
            AcknowledgementRules.Acknowledge,
            i => i.Acknowledge(Acknowledger.InSlack(context.User), now))
        {
            Also = (i, _) => [OutboxMessage.For(i.Id, new Post(messages.Acknowledged(i, now)), now)],
        }).ConfigureAwait(false);
        return new SlackReply(outcome switch
        {
            { Incident: null } => $"Incident {incident.Id} no longer exists.",
            { Done: true } => AcknowledgementRules.Done(outcome.Incident),
            { Unauthorized: false, Incident.AcknowledgedAt: not null } => AcknowledgementRules.Already(outcome.Incident),
            _ => outcome.RefusalText,
        });
    }
}
