using IncidentBot.Incidents;

namespace IncidentBot.Changes;

/// <summary>Whether <paramref name="actor"/> may make a change to <paramref name="incident"/> as it stands: null, or the refusal saying who can.</summary>
public delegate string? Authorization(Incident incident, Actor actor, bool openCommands);
