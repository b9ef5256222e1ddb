namespace IncidentBot.Tests.Integration;

/// <summary>Names in the fake Slack's call log that tests of other work leave out.</summary>
internal static class SlackCalls
{
    /// <summary>The bot checks its token once it has started (and while Slack refuses it): a call of its own, beside any command's.</summary>
    public const string StartProbe = "auth.test";
}
