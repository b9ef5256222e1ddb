using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Changes;
using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack.Blocks;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using NodaTime;

namespace IncidentBot.Acknowledgements;

/// <summary>
/// The escalation DM's "Acknowledge" button: acknowledges as the person who clicked, with the same rules and answers as
/// <c>/incident ack</c>; the answer comes back in the same DM. Once the incident is acknowledged (by this click or
/// earlier), the clicked DM keeps its notice and shows who acknowledged in place of the button.
/// </summary>
public sealed class AcknowledgeActionHandler(IIncidentStore store, IncidentChanger changer, AcknowledgementMessages messages, IClock clock) : IBlockActionHandler
{
    public IReadOnlyCollection<string> ActionIds { get; } = [EscalationActions.Acknowledge];

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        if (!int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || store.Find(new IncidentId(number)) is not { } incident)
        {
            return;
        }

        var who = new ResponderId(payload.UserId.Value);
        var now = clock.GetCurrentInstant();
        var channel = payload.ChannelId;
        var audit = new AuditEntry { At = now, User = who, Channel = channel ?? default, IncidentId = incident.Id, Command = "escalation button " + action.ActionId, Outcome = "" };
        await changer.ApplyAsync(new ChangeRequest(incident.Id, who, channel, audit, AcknowledgementRules.Acknowledge, i => i.Acknowledge(Acknowledger.InSlack(who), now))
        {
            Also = (i, _) =>
            [
                OutboxMessage.For(i.Id, new Post(messages.Acknowledged(i, now)), now),
                Tell(i, who, AcknowledgementRules.Done(i), now),
                .. CloseButton(i, payload, now),
            ],
            OnRefused = (i, refusal) => i.AcknowledgedAt is not null && refusal != AcknowledgementRules.Refusal(i)
                ? [Tell(i, who, AcknowledgementRules.Already(i), now), .. CloseButton(i, payload, now)]
                : [Tell(i, who, refusal, now)],
        }).ConfigureAwait(false);
    }

    /// <summary>The clicked DM as Slack sent it, its button replaced by who acknowledged; nothing when Slack sent no message.</summary>
    private static IEnumerable<OutboxMessage> CloseButton(Incident incident, BlockActionsPayload payload, Instant now)
    {
        if (payload is not { ChannelId: { } channel, MessageTs: { } ts, MessageBlocks: { } blocks })
        {
            yield break;
        }

        var kept = new JsonArray([.. blocks.Where(b => (string?)b?["block_id"] != EscalationActions.BlockId).Select(b => b?.DeepClone())]);
        kept.Add(BlockKit.Context(AcknowledgementRules.Acknowledged(incident)));
        yield return OutboxMessage.For(incident.Id, new CloseAcknowledgeButton(channel.Value, ts, new RenderedMessage(payload.MessageText ?? "", kept)), now);
    }

    /// <summary>An answer to the clicker in the bot's DM with them, where the button was.</summary>
    private static OutboxMessage Tell(Incident incident, ResponderId who, string text, Instant now) =>
        OutboxMessage.For(incident.Id, new Notify(who.Value, new RenderedMessage(text, [BlockKit.Section(text)])), now);
}
