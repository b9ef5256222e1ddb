using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Tests.Incidents;

/// <summary>Where an incident was announced, and when its announcements must say an update is overdue.</summary>
public sealed class AnnouncementStateTests
{
    private static readonly Instant Declared = Instant.FromUtc(2026, 11, 24, 3, 12);
    private static readonly Duration Every = Duration.FromMinutes(5);

    [Fact]
    public void A_channel_keeps_its_first_announcement()
    {
        var incident = IncidentFactory.Declare(Declared, IncidentFactory.Sev1);

        incident.RecordAnnouncement("C0INCIDENTS", "1.1");
        incident.RecordAnnouncement("C0LEADERSHIP", "2.1");
        incident.RecordAnnouncement("C0INCIDENTS", "3.1");

        Assert.Equal([new AnnouncementPost("C0INCIDENTS", "1.1"), new AnnouncementPost("C0LEADERSHIP", "2.1")], incident.Announcements);
    }

    [Fact]
    public void Nothing_is_marked_before_anything_was_announced()
    {
        var incident = IncidentFactory.Declare(Declared, IncidentFactory.Sev1);

        Assert.Null(incident.NextOverdueShow(IncidentFactory.Sev1, Every));
        Assert.False(incident.ShowOverdue(IncidentFactory.Sev1, Every, Declared + Duration.FromHours(1)).Applied);
    }

    [Fact]
    public void The_mark_is_due_as_the_update_falls_overdue_then_every_interval_and_an_update_starts_the_count_again()
    {
        var incident = IncidentFactory.Declare(Declared, IncidentFactory.Sev1);
        incident.RecordAnnouncement("C0INCIDENTS", "1.1");
        Assert.Equal(Declared + Duration.FromMinutes(15), incident.NextOverdueShow(IncidentFactory.Sev1, Every));
        Assert.False(incident.ShowOverdue(IncidentFactory.Sev1, Every, Declared + Duration.FromMinutes(14)).Applied);

        var marked = Declared + Duration.FromMinutes(16);
        Assert.True(incident.ShowOverdue(IncidentFactory.Sev1, Every, marked).Applied);
        Assert.Equal(marked + Every, incident.NextOverdueShow(IncidentFactory.Sev1, Every));
        Assert.False(incident.ShowOverdue(IncidentFactory.Sev1, Every, marked + Duration.FromMinutes(4)).Applied);

        var update = marked + Duration.FromMinutes(2);
        incident.PostUpdate("Failover done", IncidentFactory.Sev1, new ResponderId("UIC"), update);
        Assert.Equal(update + Duration.FromMinutes(15), incident.NextOverdueShow(IncidentFactory.Sev1, Every));
    }

    [Fact]
    public void A_resolved_incident_is_not_marked()
    {
        var incident = IncidentFactory.Declare(Declared, IncidentFactory.Sev1);
        incident.RecordAnnouncement("C0INCIDENTS", "1.1");

        incident.Resolve(null, new ResponderId("UIC"), Declared + Duration.FromMinutes(10));

        Assert.Null(incident.NextOverdueShow(IncidentFactory.Sev1, Every));
    }
}
