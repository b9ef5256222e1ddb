namespace IncidentBot.Tests.Fakes;

/// <summary>A bookmark added to a channel with bookmarks.add.</summary>
public sealed record FakeBookmark(string Id, string Channel, string Title, string Type, string Link);
