using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Outbox;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Changes;

/// <summary>
/// The one way a person changes an incident. Inside a single write it reads the incident as it stands, checks who may
/// (so a role lost a moment ago no longer counts), asks the incident to decide, and stores the change with the effects
/// every <see cref="IDecisionEffects"/> derives from the decision and with the audit entry. A decision that would take
/// the incident past one of its <see cref="IncidentLimits"/> is refused there, whatever path asked for it.
/// </summary>
public sealed class IncidentChanger(IIncidentStore store, IEnumerable<IDecisionEffects> effects, OutboxSteps steps, IncidentAdmins admins, IOptions<IncidentsOptions> options, IOptions<IncidentLimits> limits)
{
    private readonly IReadOnlyList<IDecisionEffects> effects = [.. effects];

    /// <summary>
    /// Null when <paramref name="user"/>, asking from <paramref name="channel"/> (null: not from a channel), may make the
    /// change <paramref name="authorization"/> guards on <paramref name="incident"/> as it stands; else the refusal.
    /// </summary>
    public string? Refusal(Incident incident, ResponderId user, SlackChannelId? channel, Authorization authorization)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(authorization);
        var actor = new Actor(user, channel is { } asked && incident.WarRoom.ChannelId == asked.Value, admins.IsAdmin(user));
        return authorization(incident, actor, options.Value.OpenCommands);
    }

    public async Task<ChangeOutcome> ApplyAsync(ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audit = request.Audit;
        var change = await store.UpdateAsync(request.Incident, audit, latest =>
        {
            if (Refusal(latest, request.User, request.Channel, request.Authorization) is { } unauthorized)
            {
                return Refused(latest, unauthorized, unauthorized: true).Noting("refused: not allowed");
            }

            var before = IncidentSize.Of(latest);
            var decision = request.Decide(latest);
            if (!decision.Applied)
            {
                var refusal = decision.RefusalNaming(who => SlackText.User(who.Value))!;
                return Refused(latest, refusal, unauthorized: false).Noting("refused: " + refusal);
            }

            if (limits.Value.Refusal(before, latest) is { } tooMuch)
            {
                return Refused(latest, tooMuch, unauthorized: false).Noting("refused: over a limit");
            }

            // A step that ends the war room (its archive) goes last, after whatever any effect still posts or edits there: the
            // notice, the declaration and the topic that say how it ended, the reminders closed. Nothing can change there once
            // it is read-only; the outbox holds it for the incident's other lanes too (IOutboxStep.EndsWarRoom).
            var outbox = effects.SelectMany(e => e.Follow(latest, decision, request.User, audit.At))
                .Concat(request.Also?.Invoke(latest, decision) ?? [])
                .OrderBy(m => steps.EndsWarRoom(m.Kind))
                .ToArray();
            return IncidentChanges.Save(new ChangeOutcome(latest, null, false), outbox).Noting("done");
        }).ConfigureAwait(false);
        return change?.Result ?? new ChangeOutcome(null, $"incident {request.Incident} no longer exists", false);

        IncidentChange<ChangeOutcome> Refused(Incident latest, string refusal, bool unauthorized)
        {
            var outcome = new ChangeOutcome(latest, refusal, unauthorized);
            var told = request.OnRefused?.Invoke(latest, outcome.RefusalText).ToArray() ?? [];
            return IncidentChanges.Tell(outcome, told);
        }
    }
}
