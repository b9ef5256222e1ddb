using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>One line of an incident's timeline: what happened, when, and who did it.</summary>
public sealed record TimelineEntry(Instant At, TimelineKind Kind, ResponderId Actor, string Text);
