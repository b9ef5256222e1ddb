using IncidentBot.Announcements;
using IncidentBot.Incidents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Announcements;

/// <summary><c>Incidents:StakeholderChannels</c>: channel ids per severity, checked at start-up, and where an incident is announced.</summary>
public sealed class StakeholderChannelsTests
{
    private static readonly SeverityScheme Scheme = new(SeverityScheme.Defaults, "SEV-3");

    [Fact]
    public void A_severity_by_alias_gets_its_channels_besides_the_announcement_channel_and_a_private_incident_gets_none()
    {
        var channels = Channels(new Dictionary<string, string?> { ["Incidents:StakeholderChannels:p0:0"] = "C0LEADERSHIP", ["Incidents:StakeholderChannels:SEV-2:0"] = "G0MANAGERS" });
        var now = NodaTime.Instant.FromUtc(2026, 11, 24, 3, 12);

        var sev1 = Incident.Declare(new IncidentId(1), "Payments down", Scheme.Named("SEV-1"), "", false, new ResponderId("UIC"), "CGENERAL", "inc-x", now);
        var hidden = Incident.Declare(new IncidentId(2), "Card data exposed", Scheme.Named("SEV-1"), "", true, new ResponderId("UIC"), "CGENERAL", "inc-y", now);
        var sev3 = Incident.Declare(new IncidentId(3), "Search slow", Scheme.Named("SEV-3"), "", false, new ResponderId("UIC"), "CGENERAL", "inc-z", now);

        Assert.Equal(["C0INCIDENTS", "C0LEADERSHIP"], channels.For(sev1).Select(c => c.Value));
        Assert.Empty(channels.For(hidden));
        Assert.Equal(["C0INCIDENTS"], channels.For(sev3).Select(c => c.Value));
        Assert.True(channels.HasStakeholders("SEV-2"));
        Assert.False(channels.HasStakeholders("SEV-4"));
    }

    [Fact]
    public void An_unknown_severity_or_a_channel_name_stops_the_start_with_the_reason()
    {
        var options = new StakeholderChannelsOptions();
        options.BySeverity["SEV-9"] = ["C0LEADERSHIP"];
        options.BySeverity["SEV-1"] = ["#leadership"];

        var result = new StakeholderChannelsValidator(Scheme).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Incidents:StakeholderChannels:SEV-9 is not a severity; use one of SEV-1, SEV-2, SEV-3, SEV-4.", result.Failures!);
        Assert.Contains("Incidents:StakeholderChannels:SEV-1 takes channel ids (C…, G…), not '#leadership'.", result.Failures!);
    }

    private static AnnouncementChannels Channels(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var stakeholders = new StakeholderChannelsOptions();
        config.GetSection(StakeholderChannelsOptions.Section).Bind(stakeholders.BySeverity);
        Assert.True(new StakeholderChannelsValidator(Scheme).Validate(null, stakeholders).Succeeded);
        return new AnnouncementChannels(Options.Create(new IncidentsOptions { AnnouncementChannel = "C0INCIDENTS" }), Options.Create(stakeholders), Scheme);
    }
}
