using IncidentBot.Sandbox;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Sandbox;

/// <summary>The sandbox's response_urls answer as Slack's do: whom they were made for, 5 times, for 30 minutes.</summary>
public sealed class SandboxResponseUrlsTests
{
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 12, 1, 10, 0));

    [Fact]
    public void A_token_answers_its_person_five_times_and_then_no_more()
    {
        var urls = new SandboxResponseUrls(clock);
        var token = urls.Issue("C0INCIDENT", "U0SAMRIVE1");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(("C0INCIDENT", "U0SAMRIVE1"), urls.Use(token));
        }

        Assert.Null(urls.Use(token));
        Assert.Null(urls.Use("never-issued"));
    }

    [Fact]
    public void A_token_expires_thirty_minutes_after_it_was_issued()
    {
        var urls = new SandboxResponseUrls(clock);
        var token = urls.Issue("C0INCIDENT", "U0SAMRIVE1");

        clock.AdvanceMinutes(30);
        Assert.NotNull(urls.Use(token));
        clock.AdvanceMinutes(1);
        Assert.Null(urls.Use(token));
    }

    [Fact]
    public void Beyond_its_capacity_the_oldest_tokens_go_first()
    {
        var urls = new SandboxResponseUrls(clock);
        var first = urls.Issue("C0GENERAL1", "U0ALEXKIM1");
        for (var i = 0; i < SandboxResponseUrls.Capacity; i++)
        {
            urls.Issue("C0GENERAL1", "U0ALEXKIM1");
        }

        Assert.Null(urls.Use(first));
    }
}
