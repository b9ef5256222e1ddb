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
    bool TryAdd(ScribeNote note, IReadOnlyList<OutboxMessage> followUps);

    ScribeNote? Find(string key);

    /// <summary>The incident's notes in the order they were written.</summary>
    IReadOnlyList<ScribeNote> ForIncident(IncidentId incident);

    void Save(ScribeNote note);

    /// <summary>Removes the note and queues its follow-ups in one transaction; false when there was no such note.</summary>
    bool TryRemove(string key, IReadOnlyList<OutboxMessage> followUps);

    bool Remove(string key);

    void Keep(CachedMessage message);

    CachedMessage? FindMessage(string channel, string ts);

    void ForgetMessage(string channel, string ts);
}
