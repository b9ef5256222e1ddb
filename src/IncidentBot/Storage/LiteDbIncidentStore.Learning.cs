using IncidentBot.Incidents;

namespace IncidentBot.Storage;

/// <summary>What outbox steps learn in Slack beyond the war room, stored onto the latest copy of the incident.</summary>
public sealed partial class LiteDbIncidentStore
{
    public async Task LearnAsync(IncidentId id, Action<Incident> learnt)
    {
        ArgumentNullException.ThrowIfNull(learnt);
        await ChangingAsync(() =>
        {
            if (incidents.ById(id.Value) is { } latest)
            {
                learnt(latest);
                incidents.Update(latest);
            }

            return true;
        }).ConfigureAwait(false);
        Changed(id);

        // What is due may depend on it (an announcement to keep current): the scheduler plans again.
        signals.Incidents.Notify();
    }
}
