using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.Scribe;

/// <summary>
/// Scribe lane: fetch the text of a noted message the bot has no copy of (a history call, rate limited);
/// <paramref name="AddedBy"/> is told when Slack will not give it.
/// </summary>
public sealed record FetchNoteText(string NoteKey, string Ts, SlackUserId? AddedBy) : IOutboxPayload
{
    public static string Kind => "FetchNoteText";
}
