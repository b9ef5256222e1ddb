using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.Tests.Storage.Contracts;

/// <summary>The note store's retention: a war room's message copies go in batches, other channels' copies and the notes stay.</summary>
public abstract partial class NoteStoreContract
{
    [Fact]
    public async Task A_war_room_s_message_copies_go_in_batches_and_other_channels_copies_and_the_notes_stay()
    {
        var room = new SlackChannelId("C0ROOM");
        var other = new SlackChannelId("C0ROOM2");
        foreach (var ts in new[] { "1795489300.000100", "1795489300.000200", "1795489300.000300" })
        {
            await Notes.KeepAsync(Copy(room, ts));
        }

        await Notes.KeepAsync(Copy(other, "1795489300.000100"));
        await Notes.TryAddAsync(Note("1795489300.000100"), []);

        var first = await Notes.PruneMessagesAsync(room, 2);
        var second = await Notes.PruneMessagesAsync(room, 2);
        var third = await Notes.PruneMessagesAsync(room, 2);

        Assert.Equal((2, 1, 0), (first, second, third));
        Assert.Null(Notes.FindMessage(room, "1795489300.000300"));
        Assert.NotNull(Notes.FindMessage(other, "1795489300.000100"));
        Assert.NotNull(Notes.Find(Note("1795489300.000100").Key));
    }

    private static CachedMessage Copy(SlackChannelId channel, string ts) =>
        new() { Channel = channel, Ts = ts, User = new SlackUserId("U0LEAD"), Text = "Rolling back now", SeenAt = At };
}
