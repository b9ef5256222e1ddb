using IncidentBot.Incidents;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Changes;

/// <summary>
/// The one way a person changes an incident. Inside a single write it reads the incident as it stands, checks who may
/// (so a role lost a moment ago no longer counts), asks the incident to decide, and stores the change with the effects
/// every <see cref="IDecisionEffects"/> derives from the decision and with the audit entry.
/// </summary>
public sealed class IncidentChanger(IIncidentStore store, IEnumerable<IDecisionEffects> effects, IncidentAdmins admins, IOptions<IncidentsOptions> options)
{
    private readonly IReadOnlyList<IDecisionEffects> effects = [.. effects];

    public async Task<ChangeOutcome> ApplyAsync(ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audit = request.Audit;
        var change = await store.UpdateAsync(request.Incident, audit, latest =>
        {
            var actor = new Actor(request.User, request.Channel is { } channel && latest.WarRoom.ChannelId == channel, admins.IsAdmin(request.User));
            if (request.Authorization(latest, actor, options.Value.OpenCommands) is { } unauthorized)
            {
                return Refused(latest, unauthorized, unauthorized: true).Noting("refused: not allowed");
            }

            var decision = request.Decide(latest);
            if (!decision.Applied)
            {
                return Refused(latest, decision.Refusal!, unauthorized: false).Noting("refused: " + decision.Refusal);
            }

            OutboxMessage[] outbox =
            [
                .. effects.SelectMany(e => e.Follow(latest, decision, request.User, audit.At)),
                .. request.Also?.Invoke(latest, decision) ?? [],
            ];
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
