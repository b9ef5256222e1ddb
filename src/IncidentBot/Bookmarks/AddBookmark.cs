using IncidentBot.Storage;

namespace IncidentBot.Bookmarks;

/// <summary>bookmarks.add of a link in the war room; <paramref name="Url"/> is a pattern, filled in once the room has its name.</summary>
public sealed record AddBookmark(string Title, string Url) : IOutboxPayload
{
    public static string Kind => "AddBookmark";
}
