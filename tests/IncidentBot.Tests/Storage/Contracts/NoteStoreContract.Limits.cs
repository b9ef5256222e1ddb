using IncidentBot.Incidents;

namespace IncidentBot.Tests.Storage.Contracts;

/// <summary>The per-incident note limit, counted inside the write whichever engine keeps the notes.</summary>
public abstract partial class NoteStoreContract
{
    [Fact]
    public async Task Notes_added_at_once_at_the_limit_never_both_land()
    {
        Assert.True(await Notes.TryAddAsync(Note("1795489300.000100"), [], maxNotes: 3));
        Assert.True(await Notes.TryAddAsync(Note("1795489300.000200"), [], maxNotes: 3));

        var ts = Enumerable.Range(0, 8).Select(n => $"1795489400.00000{n}").ToList();
        var added = await Task.WhenAll(ts.Select(t => Task.Run(() => Notes.TryAddAsync(Note(t), [Confirm(t)], maxNotes: 3))));

        Assert.Single(added, a => a);
        Assert.Equal(3, Notes.ForIncident(new IncidentId(3)).Count);
        Assert.Single(StoredOutbox());
        Assert.False(await Notes.TryAddAsync(Note("1795489500.000000"), [Confirm("1795489500.000000")], maxNotes: 3));
        Assert.True(await Notes.TryAddAsync(Note("1795489300.000100", incident: new IncidentId(4)), [], maxNotes: 3));
    }

    [Fact]
    public async Task A_note_taken_back_frees_its_place_under_the_limit()
    {
        Assert.True(await Notes.TryAddAsync(Note("1795489300.000100"), [], maxNotes: 2));
        Assert.True(await Notes.TryAddAsync(Note("1795489300.000200"), [], maxNotes: 2));
        Assert.False(await Notes.TryAddAsync(Note("1795489300.000300"), [], maxNotes: 2));

        Assert.True(await Notes.TryRemoveAsync(ScribeNote.KeyOf(Incident, "1795489300.000100"), _ => true, []));
        Assert.True(await Notes.TryAddAsync(Note("1795489300.000300"), [], maxNotes: 2));
        await Notes.RemoveAsync(ScribeNote.KeyOf(Incident, "1795489300.000200"));
        Assert.True(await Notes.TryAddAsync(Note("1795489300.000400"), [], maxNotes: 2));

        Assert.False(await Notes.TryAddAsync(Note("1795489300.000500"), [], maxNotes: 2));
        Assert.Equal(["1795489300.000300", "1795489300.000400"], Notes.ForIncident(Incident).Select(n => n.MessageTs));
    }
}
