using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentBot.BrowserTests;

/// <summary>
/// The sandbox end to end, in a real headless Chromium: everything goes from the page through the emulated Slack to the
/// bot's signed endpoints and back, as a new user would try it. The reminder comes from the page's own "Skip ahead 30
/// min", which moves the sandbox's clock instead of waiting for the cadence. Switching person while the page's read of
/// the workspace is still under way is played out by holding that read until the second switch is made.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed partial class SandboxBrowserTests : IAsyncLifetime
{
    /// <summary>Sam's id in the sandbox's directory: the value of "Who am I" once Sam is picked.</summary>
    private const string SandboxSam = "U0SAMRIVE1";

    private SandboxProcess? bot;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The next read of the workspace the page makes is held here until the test releases it.</summary>
    private HeldRead? hold;

    private SandboxProcess Bot => bot!;

    public async Task InitializeAsync()
    {
        bot = await SandboxProcess.StartAsync(new());
        try
        {
            playwright = await Playwright.CreateAsync();
            browser = await Chromium.LaunchAsync(playwright);
        }
        catch
        {
            // No browser: the bot started for it must not outlive the failed set-up.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        // Once only: a failed set-up disposes itself, and the runner may dispose again.
        var (started, driver, chromium) = (bot, playwright, browser);
        (bot, playwright, browser) = (null, null, null);
        try
        {
            hold?.Release.TrySetResult();
            if (chromium is not null)
            {
                await chromium.DisposeAsync();
            }

            driver?.Dispose();
        }
        finally
        {
            started?.Dispose();
        }
    }

    [Fact]
    public async Task Declare_change_severity_snooze_a_reminder_and_put_a_memo_reaction_on_the_timeline()
    {
        var page = await browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 } });
        page.SetDefaultTimeout(20_000);

        // Expectations wait for the bot's own asynchronous work (the outbox, events, the store); give them as long as actions.
        SetDefaultExpectTimeout(20_000);
        await page.RouteAsync(StateRead(), async route =>
        {
            if (Interlocked.Exchange(ref hold, null) is { } held)
            {
                held.Asked.TrySetResult();
                await held.Release.Task;
            }

            await route.ContinueAsync();
        });
        try
        {
            await page.GotoAsync(Bot.Url.ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "#general" })).ToBeVisibleAsync();

            // Declared from the composer in #general: the answer is for the declarer only, the war room appears.
            await SendAsync(page, "/incident create Checkout returns 500s sev2");
            await Expect(page.Locator(".message.ephemeral").Filter(new() { HasText = "Declaring INC-1" })).ToBeVisibleAsync();
            await Expect(page.Locator(".message.ephemeral").First).ToContainTextAsync("Only visible to you");
            var who = page.GetByLabel("Who am I");
            await who.SelectOptionAsync(new SelectOptionValue { Label = "Sam Rivera (@sam)" });
            await Expect(page.Locator(".message.ephemeral")).ToHaveCountAsync(0);

            // Back to Alex and at once to Sam again, while the read for Alex is still under way: its late answer is not shown.
            var late = new HeldRead();
            hold = late;
            await who.SelectOptionAsync(new SelectOptionValue { Label = "Alex Kim (@alex)" });
            await late.Asked.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await who.SelectOptionAsync(new SelectOptionValue { Label = "Sam Rivera (@sam)" });
            late.Release.TrySetResult();
            await Expect(who).ToHaveValueAsync(SandboxSam);
            await Expect(page.Locator(".message.ephemeral")).ToHaveCountAsync(0);

            await who.SelectOptionAsync(new SelectOptionValue { Label = "Alex Kim (@alex)" });
            await Expect(page.Locator(".message.ephemeral")).ToHaveCountAsync(1);
            var warRoom = page.GetByRole(AriaRole.Button, new() { NameRegex = WarRoomName() });
            await warRoom.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = WarRoomName() })).ToBeVisibleAsync();

            var declaration = page.Locator(".message.pinned").Filter(new() { HasText = "INC-1 · SEV-2" });
            await Expect(declaration).ToBeVisibleAsync();
            await Expect(declaration).ToContainTextAsync("Pinned by IncidentBot");
            await Expect(declaration).ToContainTextAsync("Checkout returns 500s");

            // The sandbox's SEV-2 responders, its @oncall group, are invited and named in the war room.
            await Expect(page.Locator(".message").Filter(new() { HasText = "Responders for INC-1" })).ToContainTextAsync("@oncall (2)");
            var screenshot = Environment.GetEnvironmentVariable("INCIDENTBOT_SCREENSHOT");
            if (!string.IsNullOrEmpty(screenshot))
            {
                await page.ScreenshotAsync(new() { Path = screenshot });
            }

            // Severity from the war room: the pinned declaration is edited in place. The refreshes it brings redraw only
            // what changed, so a click on anything else in the middle of one is not lost.
            var general = await page.GetByRole(AriaRole.Button, new() { Name = "# general", Exact = true }).ElementHandleAsync();
            var responders = await page.Locator(".message").Filter(new() { HasText = "Responders for INC-1" }).ElementHandleAsync();
            await SendAsync(page, "/incident severity sev1");
            await Expect(page.Locator(".message.pinned").Filter(new() { HasText = "INC-1 · SEV-1" })).ToBeVisibleAsync();
            Assert.True(await general.EvaluateAsync<bool>("node => node.isConnected"), "the channel list was redrawn");
            Assert.True(await responders.EvaluateAsync<bool>("node => node.isConnected"), "an unchanged message was redrawn");

            // No reminder before its time; skipping 30 minutes ahead passes SEV-1's 15-minute cadence and brings one.
            // Snooze is a signed block action and the reminder loses its buttons.
            var snooze = page.GetByRole(AriaRole.Button, new() { Name = "Snooze 15 min" });
            await Expect(snooze).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Skip ahead 30 min" }).ClickAsync();
            await Expect(page.GetByText("Sandbox clock: 30 min ahead of real time")).ToBeVisibleAsync();
            await Expect(snooze.First).ToBeVisibleAsync();
            await snooze.First.ClickAsync();
            await Expect(page.Locator(".message").Filter(new() { HasText = "snoozed reminders for 15 min" }).First).ToBeVisibleAsync();

            // A message in the war room, marked with 📝: the bot adds its own 📝, and the message is on the timeline.
            await SendAsync(page, "Rolled back deploy 4711, error rate falling");
            var said = page.Locator(".message").Filter(new() { HasText = "Rolled back deploy 4711" }).Last;
            await said.GetByLabel("Add a reaction").ClickAsync();
            await said.GetByRole(AriaRole.Button, new() { Name = "React with :memo:" }).ClickAsync();
            await Expect(said.GetByRole(AriaRole.Button, new() { NameRegex = MemoCount() })).ToBeVisibleAsync();

            await SendAsync(page, "/incident timeline");
            var timeline = page.Locator(".message.ephemeral").Filter(new() { HasText = "Timeline of INC-1" });
            await Expect(timeline).ToContainTextAsync("Rolled back deploy 4711");
            await Expect(timeline).ToContainTextAsync("snooze", new() { IgnoreCase = true });

            // A form: "/incident create" alone opens the bot's modal (views.open); submitting it is a view_submission.
            await page.GetByRole(AriaRole.Button, new() { Name = "# general", Exact = true }).ClickAsync();
            await SendAsync(page, "/incident create");
            var form = page.GetByRole(AriaRole.Dialog, new() { Name = "Declare an incident" });
            await form.GetByLabel("Title").FillAsync("Search is slow");
            await form.GetByRole(AriaRole.Button, new() { Name = "Declare" }).ClickAsync();
            await Expect(form).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = SecondWarRoomName() })).ToBeVisibleAsync();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException($"{ex.Message}\n--- bot log ---\n{Bot.Log}", ex);
        }
    }

    [Fact]
    public async Task The_home_tab_lists_the_incident_and_the_message_shortcuts_add_to_its_timeline_and_declare()
    {
        var page = await browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 } });
        page.SetDefaultTimeout(20_000);
        SetDefaultExpectTimeout(20_000);
        try
        {
            await page.GotoAsync(Bot.Url.ToString());
            await SendAsync(page, "/incident create Checkout returns 500s sev2");
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = WarRoomName() })).ToBeVisibleAsync();

            // The Home tab: opening it is an app_home_opened event, and the bot publishes the incidents going on.
            await page.GetByRole(AriaRole.Button, new() { Name = "🏠 IncidentBot · Home" }).ClickAsync();
            var home = page.GetByRole(AriaRole.Region, new() { Name = "IncidentBot App Home" });
            await Expect(home).ToContainTextAsync("INC-1 SEV-2 · investigating");
            await Expect(home).ToContainTextAsync("Checkout returns 500s");

            // A message in the war room put on the timeline with the shortcut: the bot confirms with its 📝.
            await page.GetByRole(AriaRole.Button, new() { NameRegex = WarRoomName() }).ClickAsync();
            await SendAsync(page, "Payments provider reports an outage");
            var said = page.Locator(".message").Filter(new() { HasText = "Payments provider reports an outage" }).Last;
            await said.GetByLabel("Message shortcuts").First.ClickAsync();
            await said.GetByRole(AriaRole.Button, new() { Name = "Add to incident timeline" }).ClickAsync();
            await Expect(said.GetByRole(AriaRole.Button, new() { NameRegex = OneMemo() })).ToBeVisibleAsync();

            // A message in #general declared as an incident: the form opens with the message as its title.
            await page.GetByRole(AriaRole.Button, new() { Name = "# general", Exact = true }).ClickAsync();
            await SendAsync(page, "Search is slow for everyone\nSince 10:00");
            var report = page.Locator(".message").Filter(new() { HasText = "Search is slow for everyone" }).Last;
            await report.GetByLabel("Message shortcuts").First.ClickAsync();
            await report.GetByRole(AriaRole.Button, new() { Name = "Declare incident" }).ClickAsync();
            var form = page.GetByRole(AriaRole.Dialog, new() { Name = "Declare an incident" });
            await Expect(form.GetByLabel("Title")).ToHaveValueAsync("Search is slow for everyone");
            await form.GetByRole(AriaRole.Button, new() { Name = "Declare" }).ClickAsync();
            await Expect(form).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = SecondWarRoomName() })).ToBeVisibleAsync();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException($"{ex.Message}\n--- bot log ---\n{Bot.Log}", ex);
        }
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var composer = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await composer.FillAsync(text);
        await composer.PressAsync("Enter");
        await Expect(composer).ToHaveValueAsync("");
    }

    [GeneratedRegex(@"/sandbox/state\?")]
    private static partial Regex StateRead();

    [GeneratedRegex(@"inc-\d{4}-\d{2}-\d{2}-checkout-returns-500s")]
    private static partial Regex WarRoomName();

    [GeneratedRegex(@"inc-\d{4}-\d{2}-\d{2}-search-is-slow")]
    private static partial Regex SecondWarRoomName();

    // The bot's own 📝 alone, after a shortcut.
    [GeneratedRegex(@":memo: 1")]
    private static partial Regex OneMemo();

    // The bot's 📝 joins the person's, so the count reaches 2.
    [GeneratedRegex(@":memo: 2")]
    private static partial Regex MemoCount();

    /// <summary>A read of the workspace held back: <see cref="Asked"/> when the page made it, answered on <see cref="Release"/>.</summary>
    private sealed class HeldRead
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
