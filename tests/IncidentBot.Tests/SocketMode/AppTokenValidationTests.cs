using IncidentBot.Slack;

namespace IncidentBot.Tests.SocketMode;

public sealed class AppTokenValidationTests
{
    [Theory]
    [InlineData("xoxb-1234-the-bot-token")]
    [InlineData("1234abcd")]
    public void An_app_token_of_the_wrong_kind_stops_the_start_naming_the_setting(string appToken)
    {
        var result = new SlackOptionsValidator().Validate(null, Valid(appToken));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Slack:AppToken must be an app-level token (xapp-…)", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(appToken, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("xapp-1-A111-1-abcdef")]
    public void No_app_token_or_an_xapp_token_is_accepted(string appToken)
    {
        Assert.True(new SlackOptionsValidator().Validate(null, Valid(appToken)).Succeeded);
    }

    private static SlackOptions Valid(string appToken) => new() { BotToken = "xoxb-1", SigningSecret = "secret", AppToken = appToken };
}
