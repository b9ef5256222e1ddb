using IncidentBot.Incidents;
using IncidentBot.Outbox;

namespace IncidentBot.Storage;

/// <summary>
/// The scribe's notes and the war rooms' recent messages. Notes live beside the incident, one document each, so a
/// burst of reactions costs one small insert apiece; a message can be on an incident's timeline only once.
/// </summary>
public interface INoteStore
{
    /// <summary>Adds the note and its follow-up outbox messages in one transaction; false when the message is already on the timeline.</summary>
    Task<bool> TryAddAsync(ScribeNote note, IReadOnlyList<OutboxMessage> followUps);

    /// <summary>Removes the note and queues its follow-ups in one transaction; false when there was no such note.</summary>
    Task<bool> TryRemoveAsync(string key, IReadOnlyList<OutboxMessage> followUps);

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

    CachedMessage? FindMessage(string channel, string ts);

    Task ForgetMessageAsync(string channel, string ts);
}
