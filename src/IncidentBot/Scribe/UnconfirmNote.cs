using IncidentBot.Storage;

namespace IncidentBot.Scribe;

/// <summary>Scribe lane: take the bot's confirming reaction off a message whose note was removed.</summary>
public sealed record UnconfirmNote(string NoteKey, string Ts) : IOutboxPayload
{
    public static string Kind => "UnconfirmNote";
}
