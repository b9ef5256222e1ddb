namespace IncidentBot.BrowserTests;

/// <summary>The browser tests run one at a time: one of them points <c>INCIDENTBOT_CHROMIUM</c> elsewhere for a while.</summary>
[CollectionDefinition(Name)]
public sealed class OneAtATime
{
    public const string Name = "Sandbox in a browser";
}
