namespace IncidentBot.Incidents;

/// <summary>The incident's announcement as posted in one channel (the announcement channel or a stakeholder channel): where, and its ts.</summary>
public sealed record AnnouncementPost(string Channel, string Ts);
