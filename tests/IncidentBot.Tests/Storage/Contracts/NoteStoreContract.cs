using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Tests.Storage.Contracts;

/// <summary>What every <see cref="INoteStore"/> does, whichever engine keeps it: one subclass per engine runs these.</summary>
public abstract partial class NoteStoreContract
{
    protected static readonly Instant At = Instant.FromUtc(2026, 11, 24, 3, 0);
    private static readonly IncidentId Incident = new(3);

    protected StoreSignals Signals { get; } = new();

    protected abstract INoteStore Notes { get; }

    /// <summary>Every outbox message stored, by id.</summary>
    protected abstract IReadOnlyList<OutboxMessage> StoredOutbox();

    [Fact]
    public async Task A_note_is_added_once_and_a_repeat_queues_nothing()
    {
        Assert.True(await Notes.TryAddAsync(Note("1795489300.000300"), [Confirm("1795489300.000300")]));

        Assert.False(await Notes.TryAddAsync(Note("1795489300.000300", text: "again"), [Confirm("1795489300.000300")]));

        Assert.Equal("Rolling back", Notes.Find(ScribeNote.KeyOf(Incident, "1795489300.000300"))!.Text);
        Assert.Single(StoredOutbox());
    }

    [Fact]
    public async Task Reactions_at_once_on_one_message_make_one_note()
    {
        var added = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Notes.TryAddAsync(Note("1795489300.000300"), [Confirm("1795489300.000300")]))));

        Assert.Single(added, a => a);
        Assert.Single(StoredOutbox());
    }

    [Fact]
    public async Task Follow_ups_get_growing_ids_and_wake_the_outbox_for_their_lane()
    {
        var woken = Signals.Outbox.Next;
        List<OutboxMessage> first = [Confirm("1795489300.000300"), Confirm("1795489300.000300")];
        List<OutboxMessage> second = [Confirm("1795489400.000000")];

        await Notes.TryAddAsync(Note("1795489300.000300"), first);
        await Notes.TryAddAsync(Note("1795489400.000000"), second);

        var stored = StoredOutbox();
        Assert.Equal([.. first.Select(m => m.Id), .. second.Select(m => m.Id)], stored.Select(m => m.Id));
        Assert.True(stored[0].Id > 0 && stored[0].Id < stored[1].Id && stored[1].Id < stored[2].Id);
        Assert.All(stored, m => Assert.Equal((Incident, OutboxMessage.ScribeLane, OutboxState.Pending, "confirm"), (m.IncidentId, m.Lane, m.State, m.Kind)));
        Assert.True(woken.IsCompleted);
        Assert.Equal([(Incident, OutboxMessage.ScribeLane)], Signals.TakeLanesWithNews());
    }

    [Fact]
    public async Task A_release_that_declines_keeps_its_change_and_queues_nothing()
    {
        await Notes.TryAddAsync(Note("1795489300.000300"), []);

        var removed = await Notes.TryRemoveAsync(ScribeNote.KeyOf(Incident, "1795489300.000300"), n => Release(n, new ResponderId("U0SCRIBE")), [Confirm("1795489300.000300")]);

        Assert.False(removed);
        Assert.Equal([new ResponderId("U0IC")], Notes.Find(ScribeNote.KeyOf(Incident, "1795489300.000300"))!.MarkedBy());
        Assert.Empty(StoredOutbox());
    }

    [Fact]
    public async Task The_last_release_removes_the_note_and_queues_its_follow_ups()
    {
        await Notes.TryAddAsync(Note("1795489300.000300"), []);
        var key = ScribeNote.KeyOf(Incident, "1795489300.000300");
        await Notes.TryRemoveAsync(key, n => Release(n, new ResponderId("U0SCRIBE")), []);

        Assert.True(await Notes.TryRemoveAsync(key, n => Release(n, new ResponderId("U0IC")), [Confirm("1795489300.000300")]));

        Assert.Null(Notes.Find(key));
        Assert.Single(StoredOutbox());
        Assert.False(await Notes.TryRemoveAsync(key, _ => true, [Confirm("1795489300.000300")]));
        Assert.Single(StoredOutbox());
    }

    [Fact]
    public async Task Changes_at_once_to_one_note_all_survive_and_a_missing_note_is_not_updated()
    {
        await Notes.TryAddAsync(Note("1795489300.000300"), []);
        var key = ScribeNote.KeyOf(Incident, "1795489300.000300");

        var updated = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Notes.UpdateAsync(key, n => n.Reactors!.Add(new ResponderId($"U0R{i}"))))));

        Assert.All(updated, Assert.True);
        Assert.Equal(8, Notes.Find(key)!.MarkedBy().Count);
        Assert.False(await Notes.UpdateAsync(ScribeNote.KeyOf(Incident, "1795489999.000000"), n => n.Text = "lost"));
        Assert.Null(Notes.Find(ScribeNote.KeyOf(Incident, "1795489999.000000")));
    }

    [Fact]
    public async Task An_incident_s_notes_come_in_the_order_they_were_written_and_a_removed_one_is_gone()
    {
        await Notes.TryAddAsync(Note("1795489400.000000"), []);
        await Notes.TryAddAsync(Note("1795489300.000300"), []);
        await Notes.TryAddAsync(Note("1795489300.000300", incident: new IncidentId(4)), []);
        await Notes.TryAddAsync(Note("1795489350.000000"), []);
        await Notes.RemoveAsync(ScribeNote.KeyOf(Incident, "1795489350.000000"));

        Assert.Equal(["1795489300.000300", "1795489400.000000"], Notes.ForIncident(Incident).Select(n => n.MessageTs));
        Assert.Equal(new IncidentId(4), Assert.Single(Notes.ForIncident(new IncidentId(4))).IncidentId);
    }

    [Fact]
    public async Task A_kept_message_is_found_by_channel_and_ts_replaced_when_kept_again_and_forgotten()
    {
        var channel = new SlackChannelId("C0WARROOM");
        await Notes.KeepAsync(new CachedMessage { Channel = channel, Ts = "1795489300.000300", User = new SlackUserId("U0LEAD"), Text = "Rolling back", SeenAt = At });
        await Notes.KeepAsync(new CachedMessage { Channel = channel, Ts = "1795489300.000300", User = new SlackUserId("U0LEAD"), Text = "Rolling back now", SeenAt = At });

        var found = Notes.FindMessage(channel, "1795489300.000300");
        await Notes.ForgetMessageAsync(channel, "1795489300.000300");

        Assert.Equal(("Rolling back now", (SlackUserId?)new SlackUserId("U0LEAD"), At), (found!.Text, found.User, found.SeenAt));
        Assert.Null(Notes.FindMessage(channel, "1795489300.000300"));
        Assert.Null(Notes.FindMessage(new SlackChannelId("C0OTHER"), "1795489300.000300"));
    }

    protected static ScribeNote Note(string ts, string text = "Rolling back", IncidentId? incident = null) => new()
    {
        Key = ScribeNote.KeyOf(incident ?? Incident, ts),
        IncidentId = incident ?? Incident,
        MessageTs = ts,
        Author = new ResponderId("U0LEAD"),
        Text = text,
        WrittenAt = ScribeNote.TsToInstant(ts),
        AddedBy = new ResponderId("U0SCRIBE"),
        Reactors = [new ResponderId("U0SCRIBE"), new ResponderId("U0IC")],
        AddedAt = At,
        Source = NoteSource.Reaction,
    };

    protected static OutboxMessage Confirm(string ts) =>
        new() { IncidentId = Incident, Kind = "confirm", Payload = $$"""{"ts":"{{ts}}"}""", Lane = OutboxMessage.ScribeLane, CreatedAt = At, NextAttemptAt = At };

    private static bool Release(ScribeNote note, ResponderId who)
    {
        note.Reactors!.Remove(who);
        return note.Reactors.Count == 0;
    }
}
