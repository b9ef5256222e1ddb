using System.Globalization;
using IncidentBot.Incidents;
using LiteDB;

namespace IncidentBot.Storage;

// The outbox on LiteDB: what is pending, lane by lane, and what delivery records.
public sealed partial class LiteDbIncidentStore
{
    // The pending messages of one lane, keyed "incident:lane" (every other message is under null): a seek reads only
    // them, where seeking the incident read every message it ever had and filtered them.
    private const string PendingLane = "IIF($.State = 'Pending', STRING($.IncidentId) + ':' + STRING($.Lane), null)";
    private const string PendingLaneEquals = PendingLane + " = @0";

    public IReadOnlyList<OutboxMessage> PendingOutbox() =>
        LiteDbLimits.Read(() => outbox.Find(m => m.State == OutboxState.Pending).OrderBy(m => m.Id).ToList());

    public IReadOnlyList<(IncidentId Incident, int Lane)> PendingLanes() =>
        LiteDbLimits.Read(() => rawOutbox.Query()
            .Where(Query.EQ(nameof(OutboxMessage.State), nameof(OutboxState.Pending)))
            .Select($"{{ i: $.{nameof(OutboxMessage.IncidentId)}, l: $.{nameof(OutboxMessage.Lane)} }}")
            .ToEnumerable()
            .Select(d => (new IncidentId(d["i"].AsInt32), d["l"].AsInt32))
            .Distinct()
            .ToList());

    // Ordered here, not by LiteDB: its sort sets up a container of about 900 KB for every query, whatever it sorts, and
    // with a few lane reads per change that was about half of what a change allocated, on the large-object heap. The
    // index seek reads only the lane's pending messages, which LiteDB would have read in full before sorting anyway.
    public IReadOnlyList<OutboxMessage> PendingInLane(IncidentId incidentId, int lane, int max) =>
        LiteDbLimits.Read(() => outbox.Where(PendingLaneEquals, string.Create(CultureInfo.InvariantCulture, $"{incidentId.Value}:{lane}"))
            .OrderBy(m => m.Id)
            .Take(max)
            .ToList());

    public Task FailPendingAsync(IncidentId incidentId, string reason) => writer.WriteAsync(() =>
    {
        // Only what needs the war room fails with it; webhooks and pagers do not depend on Slack.
        foreach (var message in outbox.Find(m => m.State == OutboxState.Pending && m.IncidentId == incidentId).Where(m => m.NeedsWarRoom).ToList())
        {
            message.State = OutboxState.Failed;
            message.Error = reason;
            outbox.Update(message);
        }

        return true;
    });

    public Task<int> UpgradeOutboxAsync(Func<OutboxMessage, OutboxMessageV1, bool> upgrade) =>
        writer.WriteAsync(() => OutboxV1Documents.Upgrade(rawOutbox, mapper, upgrade));

    public async Task SaveOutboxAsync(OutboxMessage message, WarRoom? warRoom = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ChangingAsync(() =>
        {
            outbox.Update(message);
            if (warRoom is not null && incidents.ById(message.IncidentId.Value) is { } latest)
            {
                latest.UseWarRoom(warRoom);
                incidents.Update(latest);
            }

            return true;
        }).ConfigureAwait(false);
        if (warRoom is not null)
        {
            Changed(message.IncidentId);

            // A war room just created makes its incident's reminder due: the scheduler must plan for it now.
            signals.Incidents.Notify();
        }
    }
}
