namespace IncidentBot.Incidents;

/// <summary>
/// Who asks for a change, with what the domain cannot know by itself: whether they asked from inside the incident's war
/// room (only its members can type there) and whether they are an incident admin (<c>Incidents:Admins</c>).
/// </summary>
public sealed record Actor(ResponderId Id, bool InWarRoom, bool IsAdmin);
