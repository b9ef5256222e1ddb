using IncidentBot.Incidents;
using IncidentBot.Slack;

namespace IncidentBot.Storage;

/// <summary>
/// The scribe's notes and the war rooms' recent messages. Notes live beside the incident, one document each, so a
/// burst of reactions costs one small insert apiece; a message can be on an incident's timeline only once.
/// </summary>
public partial interface INoteStore
{
    /// <summary>
    /// Adds the note and its follow-up outbox messages in one transaction; false when the message is already on the
    /// timeline, or when the incident already holds <paramref name="maxNotes"/> notes. Both are checked inside the write,
    /// so two notes added at once at the limit never both land, on any replica.
    /// </summary>
    Task<bool> TryAddAsync(ScribeNote note, IReadOnlyList<OutboxMessage> followUps, int maxNotes = int.MaxValue);

    /// <summary>
    /// Changes the note as it is stored now, in the writer, with <paramref name="release"/>; when that answers true the
    /// note goes and its follow-ups are queued, in one transaction, else the change is kept. So one person letting go
    /// and another marking the same message at once cannot lose either. True when the note was removed.
    /// </summary>
    Task<bool> TryRemoveAsync(string key, Func<ScribeNote, bool> release, IReadOnlyList<OutboxMessage> followUps);

    ScribeNote? Find(string key);

    /// <summary>The incident's notes in the order they were written.</summary>
    IReadOnlyList<ScribeNote> ForIncident(IncidentId incident);

    /// <summary>
    /// Changes the note as it is stored now, in the writer, so two changes at once (an edit in Slack and the permalink
    /// arriving) both survive; a note removed meanwhile stays removed. False when there is no such note.
    /// </summary>
    Task<bool> UpdateAsync(string key, Action<ScribeNote> change);

    Task RemoveAsync(string key);

    Task KeepAsync(CachedMessage message);

    CachedMessage? FindMessage(SlackChannelId channel, string ts);

    Task ForgetMessageAsync(SlackChannelId channel, string ts);
}
