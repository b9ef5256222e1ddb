using IncidentBot.Storage;

namespace IncidentBot.Scribe;

/// <summary>Scribe lane: fetch the noted message's permalink and add the bot's reaction so the scribe sees it worked.</summary>
public sealed record ConfirmNote(string NoteKey, string Ts) : IOutboxPayload
{
    public static string Kind => "ConfirmNote";
}
