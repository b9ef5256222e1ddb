using Microsoft.Playwright;

namespace IncidentBot.BrowserTests;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>, which .ci/run does), driven by Playwright without a browser download.
/// A missing browser fails the test with the way to fix it, so CI can never pass without running it.
/// </summary>
internal static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("INCIDENTBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ExecutablePath}: install it with 'apt-get install -y chromium' (as .ci/run does), or point INCIDENTBOT_CHROMIUM at one.");
        }

        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true });
    }
}
