using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>A follow-up from an incident, numbered within it, for the post-mortem.</summary>
public sealed record ActionItem(int Number, string Text, ResponderId? Owner, LocalDate? Due, ResponderId AddedBy, Instant AddedAt);
