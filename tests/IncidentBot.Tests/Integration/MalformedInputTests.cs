using System.Net;
using System.Text;
using IncidentBot.Tests.Fuzz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Signed requests the fuzz run found answered with a 500, each named by its input: now refused with 400, or
/// handled as the malformed or partial payload it is, and nothing logged as an error.
/// </summary>
public sealed class MalformedInputTests : BotTest
{
    private const string Reaction = """{"type":"reaction_added","user":"U0REPORTER","reaction":"memo","item":{"type":"message","channel":"C0NOPE","ts":"1.2"},"event_ts":"1.3"}""";

    private readonly ErrorLog errors = new();

    private protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(errors);

    [Theory]
    [InlineData("an event body whose type is true", """{"type":true}""", HttpStatusCode.BadRequest)]
    [InlineData("a URL check whose challenge is a number", """{"type":"url_verification","challenge":5}""", HttpStatusCode.BadRequest)]
    [InlineData("an event body whose type is a lone surrogate", """{"type":"\ud800"}""", HttpStatusCode.BadRequest)]
    [InlineData("an event whose authorizations hold null", """{"type":"event_callback","event_id":"EvNULLAUTH","authorizations":[null],"event":""" + Reaction + "}", HttpStatusCode.OK)]
    [InlineData("an event whose user is a lone surrogate", """{"type":"event_callback","event_id":"EvSURROGATE","event":{"type":"reaction_added","user":"\udfff\ud800","reaction":"memo","item":{"type":"message","channel":"C0NOPE","ts":"1.2"}}}""", HttpStatusCode.BadRequest)]
    public async Task A_malformed_event_body_is_not_a_500(string what, string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Bot.Slack.PostAsync(new Uri("/slack/events", UriKind.Relative), content);

        Assert.True(expected == response.StatusCode, $"{what}: {response.StatusCode}");
        Assert.Empty(errors.Entries);
    }

    [Theory]
    [InlineData("a form whose block is null", """{"type":"view_submission","user":{"id":"U0REPORTER"},"view":{"callback_id":"incident_update","private_metadata":"1","state":{"values":{"status":null}}}}""")]
    [InlineData("a form whose input is null", """{"type":"view_submission","user":{"id":"U0REPORTER"},"view":{"callback_id":"incident_create","state":{"values":{"title":{"title_input":null}}}}}""")]
    [InlineData("a form whose checked options hold null", """{"type":"view_submission","user":{"id":"U0REPORTER"},"view":{"callback_id":"no_such_form","state":{"values":{"private":{"private_check":{"selected_options":[null]}}}}}}""")]
    [InlineData("a click whose actions hold null", """{"type":"block_actions","user":{"id":"U0REPORTER"},"actions":[null]}""")]
    [InlineData("a click whose action id is a lone surrogate", """{"type":"block_actions","user":{"id":"U0REPORTER"},"actions":[{"action_id":"\ud800"}]}""")]
    public async Task A_malformed_interaction_is_not_a_500(string what, string payload)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["payload"] = payload });
        using var response = await Bot.Slack.PostAsync(new Uri("/slack/interactions", UriKind.Relative), content);

        Assert.True((int)response.StatusCode is 200 or 400, $"{what}: {response.StatusCode}");
        Assert.Empty(errors.Entries);
        Assert.Empty(Bot.Store.ListOpen());
    }
}
