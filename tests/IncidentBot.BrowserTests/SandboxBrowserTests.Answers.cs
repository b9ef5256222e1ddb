using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentBot.BrowserTests;

/// <summary>
/// The answers a newcomer meets first: a form field Slack would reject shown under that field, the page's samples (the
/// reminder now, a second person reacting), a reminder that an update closes, a click by someone outside the war room
/// answered to them alone, and a page whose menus and narrow layout hold.
/// </summary>
public sealed partial class SandboxBrowserTests
{
    [Fact]
    public async Task A_rejected_field_shows_under_it_an_update_closes_the_reminder_and_an_outsiders_click_is_answered()
    {
        var page = await browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 } });
        page.SetDefaultTimeout(20_000);
        SetDefaultExpectTimeout(20_000);
        try
        {
            await page.GotoAsync(Bot.Url.ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "#general" })).ToBeVisibleAsync();

            // The form with a time it cannot read: the bot keeps it open with response_action "errors", and the page
            // shows the bot's words under that field, as Slack does; no "Slack answered: 500".
            await SendAsync(page, "/incident create");
            var form = page.GetByRole(AriaRole.Dialog, new() { Name = "Declare an incident" });
            await form.GetByLabel("Title").FillAsync("Checkout returns 500s");
            var started = form.GetByLabel("Impact started", new() { Exact = false });
            await started.FillAsync("yesterday-ish");
            await form.GetByRole(AriaRole.Button, new() { Name = "Declare" }).ClickAsync();
            await Expect(form.Locator("#input-started-error")).ToContainTextAsync("Give a time like");
            await Expect(started).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(form).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).Not.ToContainTextAsync("Slack answered");
            await started.FillAsync("");
            await form.GetByRole(AriaRole.Button, new() { Name = "Declare" }).ClickAsync();
            await Expect(form).ToBeHiddenAsync();
            var warRoom = page.GetByRole(AriaRole.Button, new() { NameRegex = WarRoomName() });
            await warRoom.ClickAsync();

            // The reminder now, from the page: a SEV-3's cadence is hours, which nobody waits out.
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the update reminder now" }).ClickAsync();
            var reminder = page.Locator(".message").Filter(new() { HasText = "an update on INC-1" });
            await Expect(reminder.GetByRole(AriaRole.Button, new() { Name = "Snooze 15 min" })).ToBeVisibleAsync();

            // The newest message's reaction menu opens where it can be seen, not under the composer: in a window short
            // enough that the newest message sits right above it.
            await page.SetViewportSizeAsync(1280, 560);
            await SendAsync(page, "Looking at the load balancer");
            var newest = page.Locator(".messages > .message").Last;
            await Expect(newest).ToContainTextAsync("Looking at the load balancer");
            await newest.GetByLabel("Add a reaction").ClickAsync();
            var menu = newest.GetByRole(AriaRole.Group, new() { Name = "Reactions to add" });
            await Expect(menu).ToBeVisibleAsync();
            var menuBox = await menu.BoundingBoxAsync();
            var listBox = await page.Locator("#messages").BoundingBoxAsync();
            Assert.True(menuBox!.Y + menuBox.Height <= listBox!.Y + listBox.Height + 1, $"the menu ends at {menuBox.Y + menuBox.Height}, the message list at {listBox.Y + listBox.Height}");
            var screenshots = Environment.GetEnvironmentVariable("INCIDENTBOT_SCREENSHOT_DIR");
            if (!string.IsNullOrEmpty(screenshots))
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "sandbox-picker.png") });
            }

            await newest.GetByLabel("Add a reaction").ClickAsync();
            await page.SetViewportSizeAsync(1280, 860);

            // A second person, whom a newcomer alone at the page cannot be, marks the message with 📝: the bot's 📝
            // joins it, and the message is on the timeline.
            await page.GetByRole(AriaRole.Button, new() { Name = "Someone else reacts 📝 to the newest message" }).ClickAsync();
            await Expect(newest.GetByRole(AriaRole.Button, new() { NameRegex = MemoCount() })).ToBeVisibleAsync();

            // Sam is not in this SEV-3's war room but opens it and clicks Stop: Slack refuses the bot's
            // chat.postEphemeral to a non-member, so the refusal comes through the click's response_url, to Sam alone.
            var who = page.GetByLabel("Who am I");
            await who.SelectOptionAsync(new SelectOptionValue { Label = "Sam Rivera (@sam)" });
            await warRoom.ClickAsync();
            await reminder.GetByRole(AriaRole.Button, new() { Name = "Stop reminders" }).ClickAsync();
            await Expect(page.Locator(".message.ephemeral").Filter(new() { HasText = "Only INC-1's incident commander" })).ToContainTextAsync("Only visible to you");
            await who.SelectOptionAsync(new SelectOptionValue { Label = "Alex Kim (@alex)" });
            await Expect(page.Locator(".message.ephemeral").Filter(new() { HasText = "Only INC-1's incident commander" })).ToHaveCountAsync(0);

            // An update posted with the command closes the reminder: it says who posted it and has no buttons left.
            await SendAsync(page, "/incident update Load balancer drained; error rate falling");
            var closed = page.Locator(".message").Filter(new() { HasText = "Update reminder for INC-1" });
            await Expect(closed).ToContainTextAsync("posted an update");
            await Expect(closed.GetByRole(AriaRole.Group, new() { Name = "Actions" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Snooze 15 min" })).ToHaveCountAsync(0);

            // A narrow window: the messages still scroll between the header and the composer, which stays in view.
            await page.SetViewportSizeAsync(400, 780);
            await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" })).ToBeInViewportAsync();
            var narrowList = await page.Locator("#messages").BoundingBoxAsync();
            Assert.True(narrowList!.Height > 150, $"the message list is {narrowList.Height}px high in a narrow window");
            Assert.True(narrowList.Width <= 400, $"the message list is {narrowList.Width}px wide in a 400px window");
            if (!string.IsNullOrEmpty(screenshots))
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "sandbox-narrow.png") });
            }
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException($"{ex.Message}\n--- bot log ---\n{Bot.Log}", ex);
        }
    }
}
