using System.Net;

namespace IncidentBot.Tests.Integration;

/// <summary><c>GET /incidents/{id}/postmortem.md</c>: the draft for a wiki, behind the configured access token.</summary>
public sealed class PostmortemEndpointTests : BotTest
{
    private const string Token = "pm-token-0123456789abcdef";

    [Fact]
    public async Task With_the_token_the_draft_of_a_private_incident_is_served_as_markdown_by_number_or_id()
    {
        await using var bot = StartWithToken();
        await bot.InteractionAsync(DeclarationForm.Submission("Card data exposure", "SEV-1", impact: "", isPrivate: true));
        await bot.OutboxDrainedAsync();

        using var byNumber = await GetAsync(bot, "/incidents/1/postmortem.md", "Bearer " + Token);
        using var byId = await GetAsync(bot, "/incidents/INC-1/postmortem.md", "bearer " + Token);

        Assert.Equal(HttpStatusCode.OK, byNumber.StatusCode);
        Assert.Equal("text/markdown", byNumber.Content.Headers.ContentType?.MediaType);
        Assert.True(byNumber.Headers.CacheControl?.NoStore);
        var draft = await byNumber.Content.ReadAsStringAsync();
        Assert.StartsWith("# INC-1 post-mortem: Card data exposure", draft, StringComparison.Ordinal);
        Assert.Contains("🔒 Private incident", draft, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
    }

    [Fact]
    public async Task Without_the_right_bearer_token_it_answers_401()
    {
        await using var bot = StartWithToken();
        await bot.ReplyAsync("create Checkout down");

        foreach (var authorization in new[] { null, "Bearer wrong-token-0123456789", "Bearer " + Token + "x", "Basic " + Token, "Bearer" })
        {
            using var response = await GetAsync(bot, "/incidents/1/postmortem.md", authorization);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.DoesNotContain("Checkout", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_incident_is_404_even_with_the_token()
    {
        await using var bot = StartWithToken();
        await bot.ReplyAsync("create Checkout down");

        foreach (var id in new[] { "2", "INC-99", "0", "-1", "99999999999999999999", "checkout" })
        {
            using var response = await GetAsync(bot, $"/incidents/{id}/postmortem.md", "Bearer " + Token);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_postmortem_command_names_the_address_only_when_a_token_is_configured()
    {
        await using var bot = StartWithToken();
        await bot.ReplyAsync("create Checkout down");
        await Bot.ReplyAsync("create Checkout down");

        var served = await bot.ReplyAsync("postmortem INC-1");
        var notServed = await Bot.ReplyAsync("postmortem INC-1");

        Assert.Contains("`/incidents/1/postmortem.md`", served, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, served, StringComparison.Ordinal);
        Assert.DoesNotContain("/incidents/", notServed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_token_configured_it_is_404_for_everyone()
    {
        await Bot.ReplyAsync("create Checkout down");

        using var response = await GetAsync(Bot, "/incidents/1/postmortem.md", "Bearer " + Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private BotHost StartWithToken() => BotHost.Start(Slack, settings: new Dictionary<string, string?> { ["Postmortems:AccessToken"] = Token });

    private static async Task<HttpResponseMessage> GetAsync(BotHost bot, string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await bot.Unsigned.SendAsync(request);
    }
}
