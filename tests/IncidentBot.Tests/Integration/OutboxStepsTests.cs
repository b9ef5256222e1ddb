using System.Reflection;
using IncidentBot.Outbox;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>The keyed index of outbox steps, as the bot composes it.</summary>
public sealed class OutboxStepsTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task Every_payload_kind_has_the_step_of_its_own_type_and_the_stored_kinds_keep_their_names()
    {
        await using var bot = BotHost.Start(slack);
        var steps = bot.Services.GetRequiredService<OutboxSteps>();
        var payloads = typeof(OutboxMessage).Assembly.GetTypes().Where(t => t.IsClass && typeof(IOutboxPayload).IsAssignableFrom(t)).ToList();

        var kinds = payloads.Select(KindOf).Order(StringComparer.Ordinal).ToList();
        string[] stored =
        [
            "AddBookmark", "Announce", "AnnouncementLine", "ArchiveWarRoom", "CloseAcknowledgeButton", "CloseAlertOffer", "CloseReminders", "ConfirmNote", "CreateWarRoom", "Ephemeral", "FetchNoteText", "Invite", "InviteResponders", "LinkNote", "Notify", "Page", "PinDeclaration", "Post",
            "PostAlertOffer", "PostDeclaration", "PostReminder", "PostStatusPage", "RefreshAnnouncement", "RefreshDeclaration", "SetTopic", "UnconfirmNote", "Unpage", "UpdateMessage", "UploadPostmortem",
            "UploadReview", "Webhook",
        ];
        Assert.Equal(stored, kinds);
        Assert.All(payloads, p =>
        {
            var step = steps.Find(KindOf(p));
            Assert.NotNull(step);
            Assert.Equal(typeof(TypedOutboxStep<>).MakeGenericType(p), step.GetType().BaseType);
        });
    }

    [Fact]
    public void Two_steps_of_one_kind_are_refused_at_start()
    {
        IOutboxStep[] twice = [new IncidentBot.Paging.PageStep(null!), new IncidentBot.Paging.PageStep(null!)];

        var ex = Assert.Throws<InvalidOperationException>(() => _ = new OutboxSteps(twice));
        Assert.Contains("Page", ex.Message, StringComparison.Ordinal);
    }

    private static string KindOf(Type payload) =>
        (string)payload.GetProperty(nameof(IOutboxPayload.Kind), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
