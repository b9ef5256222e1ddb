namespace IncidentBot.Sandbox;

/// <summary>
/// This run's sandbox: where the bot listens (the page and the emulated Web API are on the same address), and the
/// credentials the bot and the emulated Slack share. The secrets are never logged.
/// </summary>
public sealed record SandboxSession(Uri BaseUrl, string BotToken, string SigningSecret)
{
    public Uri ApiBaseUrl => new(BaseUrl, "sandbox/api/");
}
