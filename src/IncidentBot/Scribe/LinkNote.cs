using IncidentBot.Storage;

namespace IncidentBot.Scribe;

/// <summary>Scribe lane: fetch the permalink of a noted message outside the war room (no reaction there: it is not the bot's room).</summary>
public sealed record LinkNote(string NoteKey, string Channel, string Ts) : IOutboxPayload
{
    public static string Kind => "LinkNote";

    /// <summary>The message is elsewhere: the note is linked even when the war room is still being made.</summary>
    public static bool NeedsWarRoom => false;
}
