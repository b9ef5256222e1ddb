using IncidentBot.Storage;

namespace IncidentBot.Announcements;

/// <summary>
/// Announce the incident in every channel it belongs in now (the announcement channel, its severity's stakeholder
/// channels) where it has no announcement yet; nowhere for a private incident or a drill.
/// </summary>
public sealed record Announce : IOutboxPayload
{
    public static string Kind => "Announce";
}
