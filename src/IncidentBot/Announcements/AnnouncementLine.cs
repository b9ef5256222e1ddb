using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.Announcements;

/// <summary>Add <paramref name="Line"/>, rendered as the change was decided, to the thread of every announcement of the incident.</summary>
public sealed record AnnouncementLine(RenderedMessage Line) : IOutboxPayload
{
    public static string Kind => "AnnouncementLine";
}
