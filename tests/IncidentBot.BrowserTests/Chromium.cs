using Microsoft.Playwright;

namespace IncidentBot.BrowserTests;

/// <summary>
/// The browser the tests drive. Debian's Chromium (<c>apt-get install chromium</c>, which .ci/run does) when it is
/// there; on a machine without it, and without <c>INCIDENTBOT_CHROMIUM</c>, Playwright's own Chromium, installed once
/// into Playwright's cache, so <c>dotnet test</c> passes on a fresh machine with a network. A browser named by
/// <c>INCIDENTBOT_CHROMIUM</c> is never replaced by a download. A browser that cannot be had fails the test with the way
/// to fix it, so CI can never pass without running it.
/// </summary>
internal static class Chromium
{
    private const string DebianChromium = "/usr/bin/chromium";

    /// <summary>Playwright's installer runs at most once per test run, however many tests ask.</summary>
    private static readonly Lazy<int> Installed = new(() => Microsoft.Playwright.Program.Main(["install", "chromium"]), LazyThreadSafetyMode.ExecutionAndPublication);

    private static string? Configured => Environment.GetEnvironmentVariable("INCIDENTBOT_CHROMIUM") is { Length: > 0 } path ? path : null;

    public static string ExecutablePath => Configured ?? DebianChromium;

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (File.Exists(ExecutablePath))
        {
            return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true });
        }

        var tried = "";
        if (Configured is null)
        {
            if (Installed.Value == 0)
            {
                try
                {
                    return await playwright.Chromium.LaunchAsync(new() { Headless = true });
                }
                catch (PlaywrightException ex)
                {
                    tried = $" Playwright's own Chromium was installed but did not start: {ex.Message.Split('\n')[0]}";
                }
            }
            else
            {
                tried = $" Installing Playwright's own Chromium failed (exit code {Installed.Value}; offline?).";
            }
        }

        throw new InvalidOperationException(
            $"No Chromium at {ExecutablePath}: install it with 'apt-get install -y chromium' (as .ci/run does), or point INCIDENTBOT_CHROMIUM at one.{tried}");
    }
}
