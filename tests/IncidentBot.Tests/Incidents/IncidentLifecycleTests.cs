using IncidentBot.Incidents;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Incidents;

public sealed class IncidentLifecycleTests
{
    private const bool Y = true;
    private const bool N = false;

    /// <summary>Every state × every trigger, with the expected verdict written out by hand.</summary>
    public static TheoryData<IncidentStatus, IncidentStatus, bool> Table() => new()
    {
        { IncidentStatus.Investigating, IncidentStatus.Investigating, N },
        { IncidentStatus.Investigating, IncidentStatus.Identified, Y },
        { IncidentStatus.Investigating, IncidentStatus.Monitoring, Y },
        { IncidentStatus.Investigating, IncidentStatus.Resolved, Y },
        { IncidentStatus.Investigating, IncidentStatus.Closed, N },
        { IncidentStatus.Identified, IncidentStatus.Investigating, Y },
        { IncidentStatus.Identified, IncidentStatus.Identified, N },
        { IncidentStatus.Identified, IncidentStatus.Monitoring, Y },
        { IncidentStatus.Identified, IncidentStatus.Resolved, Y },
        { IncidentStatus.Identified, IncidentStatus.Closed, N },
        { IncidentStatus.Monitoring, IncidentStatus.Investigating, Y },
        { IncidentStatus.Monitoring, IncidentStatus.Identified, Y },
        { IncidentStatus.Monitoring, IncidentStatus.Monitoring, N },
        { IncidentStatus.Monitoring, IncidentStatus.Resolved, Y },
        { IncidentStatus.Monitoring, IncidentStatus.Closed, N },
        { IncidentStatus.Resolved, IncidentStatus.Investigating, Y },
        { IncidentStatus.Resolved, IncidentStatus.Identified, N },
        { IncidentStatus.Resolved, IncidentStatus.Monitoring, N },
        { IncidentStatus.Resolved, IncidentStatus.Resolved, N },
        { IncidentStatus.Resolved, IncidentStatus.Closed, Y },
        { IncidentStatus.Closed, IncidentStatus.Investigating, N },
        { IncidentStatus.Closed, IncidentStatus.Identified, N },
        { IncidentStatus.Closed, IncidentStatus.Monitoring, N },
        { IncidentStatus.Closed, IncidentStatus.Resolved, N },
        { IncidentStatus.Closed, IncidentStatus.Closed, N },

        // Cancel and failure have their own methods; no status move reaches or leaves them.
        { IncidentStatus.Investigating, IncidentStatus.Cancelled, N },
        { IncidentStatus.Investigating, IncidentStatus.Failed, N },
        { IncidentStatus.Identified, IncidentStatus.Cancelled, N },
        { IncidentStatus.Identified, IncidentStatus.Failed, N },
        { IncidentStatus.Monitoring, IncidentStatus.Cancelled, N },
        { IncidentStatus.Monitoring, IncidentStatus.Failed, N },
        { IncidentStatus.Resolved, IncidentStatus.Cancelled, N },
        { IncidentStatus.Resolved, IncidentStatus.Failed, N },
        { IncidentStatus.Closed, IncidentStatus.Cancelled, N },
        { IncidentStatus.Closed, IncidentStatus.Failed, N },
        { IncidentStatus.Cancelled, IncidentStatus.Investigating, N },
        { IncidentStatus.Cancelled, IncidentStatus.Identified, N },
        { IncidentStatus.Cancelled, IncidentStatus.Monitoring, N },
        { IncidentStatus.Cancelled, IncidentStatus.Resolved, N },
        { IncidentStatus.Cancelled, IncidentStatus.Closed, N },
        { IncidentStatus.Cancelled, IncidentStatus.Cancelled, N },
        { IncidentStatus.Cancelled, IncidentStatus.Failed, N },
        { IncidentStatus.Failed, IncidentStatus.Investigating, N },
        { IncidentStatus.Failed, IncidentStatus.Identified, N },
        { IncidentStatus.Failed, IncidentStatus.Monitoring, N },
        { IncidentStatus.Failed, IncidentStatus.Resolved, N },
        { IncidentStatus.Failed, IncidentStatus.Closed, N },
        { IncidentStatus.Failed, IncidentStatus.Cancelled, N },
        { IncidentStatus.Failed, IncidentStatus.Failed, N },
    };

    [Fact]
    public void The_table_covers_every_state_and_trigger()
    {
        var all = Enum.GetValues<IncidentStatus>();
        Assert.Equal(all.Length * all.Length, Table().Count);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_state_and_trigger_is_allowed_or_refused_with_a_reason(IncidentStatus from, IncidentStatus to, bool allowed)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 24, 3, 0));
        var incident = IncidentIn(from, clock);
        var timelineBefore = incident.Recorded.Count;
        clock.AdvanceMinutes(5);

        var decision = incident.ChangeStatus(to, new ResponderId("UIC"), clock.GetCurrentInstant());

        Assert.Equal(allowed, decision.Applied);
        if (allowed)
        {
            Assert.Equal(to, incident.Status);
            Assert.Equal(timelineBefore + 1, incident.Recorded.Count);
            Assert.Equal(clock.GetCurrentInstant(), incident.Recorded[^1].At);
        }
        else
        {
            Assert.Equal(from, incident.Status);
            Assert.Equal(timelineBefore, incident.Recorded.Count);
            Assert.False(string.IsNullOrWhiteSpace(decision.Refusal));
        }
    }

    private static Incident IncidentIn(IncidentStatus status, FakeClock clock)
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant());
        var by = new ResponderId("UIC");
        if (status == IncidentStatus.Cancelled)
        {
            Assert.True(incident.Cancel("by mistake", incident.Reporter, clock.GetCurrentInstant()).Applied);
            return incident;
        }

        if (status == IncidentStatus.Failed)
        {
            Assert.True(incident.FailWarRoom("restricted_action", by, clock.GetCurrentInstant()).Applied);
            return incident;
        }

        var path = status switch
        {
            IncidentStatus.Investigating => [],
            IncidentStatus.Identified => [IncidentStatus.Identified],
            IncidentStatus.Monitoring => [IncidentStatus.Monitoring],
            IncidentStatus.Resolved => [IncidentStatus.Resolved],
            _ => new[] { IncidentStatus.Resolved, IncidentStatus.Closed },
        };
        foreach (var step in path)
        {
            Assert.True(incident.ChangeStatus(step, by, clock.GetCurrentInstant()).Applied);
        }

        return incident;
    }
}
