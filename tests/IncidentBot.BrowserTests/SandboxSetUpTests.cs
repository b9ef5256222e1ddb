using System.Diagnostics;

namespace IncidentBot.BrowserTests;

/// <summary>A browser test whose set-up fails after the bot started ends that bot: no process outlives a failed test.</summary>
[Collection(OneAtATime.Name)]
public sealed class SandboxSetUpTests
{
    [Fact]
    public async Task A_set_up_without_a_browser_fails_saying_how_to_install_one_and_leaves_no_bot_running()
    {
        var configured = Environment.GetEnvironmentVariable("INCIDENTBOT_CHROMIUM");
        Environment.SetEnvironmentVariable("INCIDENTBOT_CHROMIUM", Path.Combine(Path.GetTempPath(), "no-such-chromium"));
        var fixture = new SandboxBrowserTests();
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(fixture.InitializeAsync);
            Assert.Contains("apt-get install -y chromium", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("INCIDENTBOT_CHROMIUM", configured);
            await fixture.DisposeAsync();
        }

        var bot = Assert.NotNull(SandboxProcess.LastProcessId);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(bot));
    }
}
