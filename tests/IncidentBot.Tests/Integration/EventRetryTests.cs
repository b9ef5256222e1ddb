using System.Net;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>An event whose handler fails is not counted as seen: the bot asks Slack to send it again, and the retry lands once.</summary>
[Collection(nameof(RunsAlone))]
public sealed class EventRetryTests : ScribeTest
{
    private ObservedDeduplicator Deliveries => (ObservedDeduplicator)Bot.Services.GetRequiredService<IEventDeduplicator>();

    private FlakyNoteStore Store => (FlakyNoteStore)Bot.Services.GetRequiredService<INoteStore>();

    [Fact]
    public async Task A_reaction_whose_note_could_not_be_stored_is_answered_with_a_503_and_slacks_retry_puts_it_on_the_timeline_once()
    {
        var room = await DeclareAsync();
        var ts = await SayAsync(room, "DB primary CPU at 100% since 03:05");
        var reaction = ReactionEvent(room, ts, added: true);
        Store.FailNextAdds();

        using (var first = await Bot.EventAsync("Ev0FLAKY", reaction))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        }

        using (var retry = await Bot.EventAsync("Ev0FLAKY", reaction, retryNum: 1))
        using (var again = await Bot.EventAsync("Ev0FLAKY", reaction, retryNum: 2))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        await Bot.OutboxDrainedAsync();
        var timeline = await Bot.ReplyAsync("timeline", channel: room);
        Assert.Single(Notes());
        Assert.Equal(1, Occurrences(timeline, "DB primary CPU at 100% since 03:05"));
    }

    [Fact]
    public async Task A_delivery_arriving_while_the_first_is_still_being_handled_shares_its_failure_so_slack_retries()
    {
        var room = await DeclareAsync();
        var ts = await SayAsync(room, "Failover started");
        var reaction = ReactionEvent(room, ts, added: true);
        var held = Store.HoldNextAdd();
        Store.FailNextAdds();

        // The set-up's own events went through the deduplicator too: wait for these two, not any two.
        var before = Deliveries.EnteredSoFar;
        var first = Bot.EventAsync("Ev0TWICE", reaction);
        await Store.Holding.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = Bot.EventAsync("Ev0TWICE", reaction, retryNum: 1);
        await Deliveries.Entered(before + 2).WaitAsync(TimeSpan.FromSeconds(10));
        held.SetResult();
        using (var firstAnswer = await first)
        using (var secondAnswer = await second)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, firstAnswer.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, secondAnswer.StatusCode);
        }

        Assert.Empty(Notes());
        using (var retry = await Bot.EventAsync("Ev0TWICE", reaction, retryNum: 2))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        Assert.Equal("Failover started", Assert.Single(Notes()).Text);
    }

    private protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<LiteDbNoteStore>();
        services.AddSingleton<INoteStore>(sp => new FlakyNoteStore(sp.GetRequiredService<LiteDbNoteStore>()));
        services.AddSingleton<RecentEventIds>();
        services.AddSingleton<IEventDeduplicator>(sp => new ObservedDeduplicator(sp.GetRequiredService<RecentEventIds>()));
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
