using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Scribe;

/// <summary>
/// Puts war-room messages on an incident's timeline and takes them off again. The text comes from the bot's own copy
/// of the war room when it has one; otherwise the note is kept at once and its text fetched through the outbox.
/// An incident takes at most <see cref="IncidentLimits.Notes"/> notes: past it, nothing is added (the store counts inside
/// the write, so two notes at once at the limit never both land; a person asking is told by <see cref="Refusal"/>); a
/// message longer than <see cref="IncidentLimits.NoteLength"/> is kept cut, with a marker.
/// </summary>
public sealed class NoteTaker(INoteStore notes, IOptions<IncidentLimits> limits, IClock clock)
{
    /// <summary>Null when <paramref name="incident"/> takes one more note of <paramref name="text"/> as typed; else the refusal, saying the limit.</summary>
    public string? Refusal(Incident incident, string text)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return limits.Value.NoteRefusal(text, notes.ForIncident(incident.Id).Count);
    }

    /// <summary>A message's text cut to the note limit; null while it is not fetched yet.</summary>
    private string? Fit(string? text) => text is null ? null : IncidentLimits.Fit(text, limits.Value.NoteLength);

    private Task<bool> AddAsync(ScribeNote note, IReadOnlyList<OutboxMessage> followUps) => notes.TryAddAsync(note, followUps, limits.Value.Notes);

    /// <summary>True when the message is now on the timeline; false when it already was (or is the declaration itself).</summary>
    public Task<bool> CaptureAsync(Incident incident, string ts, ResponderId addedBy, NoteSource source, string? text = null, ResponderId? author = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (ts == incident.WarRoom.DeclarationTs || incident.WarRoom.ChannelId is not { } channel)
        {
            return Task.FromResult(false);
        }

        var cached = notes.FindMessage(new SlackChannelId(channel), ts);
        text = Fit(text ?? cached?.Text);
        var now = clock.GetCurrentInstant();
        var key = ScribeNote.KeyOf(incident.Id, ts);
        var note = new ScribeNote
        {
            Key = key,
            IncidentId = incident.Id,
            MessageTs = ts,
            ThreadTs = cached?.ThreadTs,
            Author = author ?? (cached?.User is { } user ? new ResponderId(user.Value) : null),
            Text = text ?? "",
            TextPending = text is null,
            WrittenAt = ScribeNote.TsToInstant(ts),
            AddedBy = addedBy,
            Reactors = source == NoteSource.Reaction ? [addedBy] : [],
            AddedAt = now,
            Source = source,
        };
        var followUps = new List<OutboxMessage>();
        if (text is null)
        {
            followUps.Add(OutboxMessage.For(incident.Id, new FetchNoteText(key, ts, new SlackUserId(addedBy.Value)), now).InLane(OutboxMessage.ScribeLane));
        }

        followUps.Add(OutboxMessage.For(incident.Id, new ConfirmNote(key, ts), now).InLane(OutboxMessage.ScribeLane));
        return AddAsync(note, followUps);
    }

    /// <summary>
    /// A message from another channel put on the timeline (the "Add to incident timeline" shortcut), with the text Slack
    /// sent with the shortcut; its permalink is fetched through the outbox. False when it is on the timeline already.
    /// </summary>
    public Task<bool> QuoteAsync(Incident incident, string channel, string ts, string text, ResponderId? author, ResponderId addedBy)
    {
        ArgumentNullException.ThrowIfNull(incident);
        text = Fit(text)!;
        var now = clock.GetCurrentInstant();

        // Keyed by channel too: a ts is unique only within its channel.
        var key = ScribeNote.KeyOf(incident.Id, $"{channel}/{ts}");
        var note = new ScribeNote
        {
            Key = key,
            IncidentId = incident.Id,
            MessageTs = ts,
            Author = author,
            Text = text,
            WrittenAt = ScribeNote.TsToInstant(ts),
            AddedBy = addedBy,
            Reactors = [],
            AddedAt = now,
            Source = NoteSource.Shortcut,
        };
        return AddAsync(note, [OutboxMessage.For(incident.Id, new LinkNote(key, channel, ts), now).InLane(OutboxMessage.ScribeLane)]);
    }

    /// <summary>A note typed with <c>/incident note</c>: no message behind it, so its key is made from the time.</summary>
    public Task<bool> TypeAsync(Incident incident, string text, ResponderId addedBy)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (Refusal(incident, text) is not null)
        {
            return Task.FromResult(false);
        }

        var now = clock.GetCurrentInstant();
        var ts = ScribeNote.InstantToTs(now);
        var note = new ScribeNote
        {
            Key = ScribeNote.KeyOf(incident.Id, "typed-" + ts),
            IncidentId = incident.Id,
            MessageTs = ts,
            Author = addedBy,
            Text = text,
            WrittenAt = now,
            AddedBy = addedBy,
            Reactors = [],
            AddedAt = now,
            Source = NoteSource.Typed,
        };
        return AddAsync(note, []);
    }

    /// <summary>
    /// <paramref name="reactor"/> added the scribe reaction: the message goes on the timeline, or, when it is there
    /// already by reaction, they are one more person who marks it.
    /// </summary>
    public async Task MarkAsync(Incident incident, string ts, ResponderId reactor, ResponderId? author)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var key = ScribeNote.KeyOf(incident.Id, ts);

        // A second round only when the note went between the two steps (its last reactor let go): then it is added afresh.
        for (var round = 0; round < 2; round++)
        {
            if (await CaptureAsync(incident, ts, reactor, NoteSource.Reaction, author: author).ConfigureAwait(false)
                || notes.Find(key) is not { Source: NoteSource.Reaction })
            {
                return;
            }

            if (await notes.UpdateAsync(key, n => n.Reactors = [.. n.MarkedBy().Union([reactor])]).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>
    /// <paramref name="reactor"/> took their scribe reaction off: the note goes, with the bot's confirming reaction,
    /// once nobody else marks the message. True when it went.
    /// </summary>
    public async Task<bool> ReleaseAsync(Incident incident, string ts, ResponderId reactor)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var key = ScribeNote.KeyOf(incident.Id, ts);
        if (notes.Find(key) is not { Source: NoteSource.Reaction })
        {
            return false;
        }

        var unconfirm = OutboxMessage.For(incident.Id, new UnconfirmNote(key, ts), clock.GetCurrentInstant()).InLane(OutboxMessage.ScribeLane);
        return await notes.TryRemoveAsync(
            key,
            n =>
            {
                n.Reactors = [.. n.MarkedBy().Where(r => r != reactor)];
                return n.Source == NoteSource.Reaction && n.Reactors.Count == 0;
            },
            [unconfirm]).ConfigureAwait(false);
    }

    /// <summary>A captured message was edited in Slack: the timeline follows.</summary>
    public async Task EditAsync(Incident incident, string ts, string text)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await notes.UpdateAsync(ScribeNote.KeyOf(incident.Id, ts), note =>
        {
            note.Text = text;
            note.TextPending = false;
        }).ConfigureAwait(false);
    }
}
