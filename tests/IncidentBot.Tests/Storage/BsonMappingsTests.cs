using IncidentBot.Incidents;
using IncidentBot.Paging;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Tests.Storage;

public sealed class BsonMappingsTests
{
    /// <summary>
    /// A store's mapper is shared by every thread, and a restarted bot's first declaration can be written while the outbox
    /// reads its first message: on PostgreSQL that wrote the declaration's six messages as bodies with no kind, and
    /// they were set aside as unknown steps, so the incident got no war room.
    /// </summary>
    [Fact]
    public void A_fresh_mapper_used_by_many_threads_at_once_writes_every_outbox_message_and_incident_whole()
    {
        var at = Instant.FromUtc(2026, 12, 3, 13, 0);
        var message = OutboxMessage.For(new IncidentId(2), new Page("payments"), at);
        var incident = Incident.Declare(new IncidentId(2), "Search slow", new SeverityScheme(SeverityScheme.Defaults, "SEV-3").Levels[2], "", false, new ResponderId("U0REPORTER"), "C0GENERAL", "inc-2-search-slow", at);
        var incomplete = 0;
        for (var round = 0; round < 20; round++)
        {
            var mapper = BsonMappings.Create();
            using var start = new Barrier(8);
            var threads = Enumerable.Range(0, 8).Select(n => new Thread(() =>
            {
                start.SignalAndWait();
                var whole = n % 2 == 0
                    ? mapper.ToDocument(message).ContainsKey(nameof(OutboxMessage.Kind))
                    : mapper.ToDocument(incident).ContainsKey(nameof(Incident.Title));
                if (!whole)
                {
                    Interlocked.Increment(ref incomplete);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }

        Assert.Equal(0, incomplete);
    }
}
