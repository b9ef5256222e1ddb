using IncidentBot.Incidents;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>A note marked by several people's scribe reactions stays until the last of them takes theirs off.</summary>
[Collection(nameof(RunsAlone))]
public sealed class ScribeReactorTests : ScribeTest
{
    private const string Second = "U0SECOND";

    [Fact]
    public async Task A_note_stays_while_someone_still_marks_it_and_goes_with_the_last_persons_reaction()
    {
        var room = await DeclareAsync();
        var ts = await SayAsync(room, "Failover to eu-west-2 started");
        await ReactAsync(room, ts, added: true);
        await ReactAsync(room, ts, added: true, user: Second);
        await Bot.OutboxDrainedAsync();

        // Slack tells the bot of its own confirming reaction too; it is nobody marking the message.
        await ReactAsync(room, ts, added: true, user: FakeSlackApi.BotUserId);
        await ReactAsync(room, ts, added: false);
        await Bot.OutboxDrainedAsync();

        Assert.Contains("Failover to eu-west-2 started", await Bot.ReplyAsync("timeline", channel: room), StringComparison.Ordinal);
        Assert.Contains(Slack.Reactions(room), r => r.Ts == ts && r.Name == "memo");

        await ReactAsync(room, ts, added: false, user: Second);
        await Bot.OutboxDrainedAsync();

        Assert.DoesNotContain("Failover to eu-west-2 started", await Bot.ReplyAsync("timeline", channel: room), StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Reactions(room), r => r.Ts == ts);
    }

    [Fact]
    public async Task A_note_stored_before_reactors_were_kept_goes_only_when_the_person_who_added_it_lets_go()
    {
        var room = await DeclareAsync();
        var ts = await SayAsync(room, "Rollback of 4.2.0 started");
        await ReactAsync(room, ts, added: true);
        await Bot.OutboxDrainedAsync();
        var key = Assert.Single(Notes()).Key;
        await Bot.Services.GetRequiredService<INoteStore>().UpdateAsync(key, n => n.Reactors = null);

        await ReactAsync(room, ts, added: false, user: Second);
        Assert.Equal(NoteSource.Reaction, Assert.Single(Notes()).Source);

        await ReactAsync(room, ts, added: false);
        await Bot.OutboxDrainedAsync();
        Assert.Empty(Notes());
    }
}
