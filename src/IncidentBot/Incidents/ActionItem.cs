using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>A follow-up from an incident, numbered within it, for the post-mortem; <see cref="DoneAt"/> once it is done.</summary>
public sealed record ActionItem(int Number, string Text, ResponderId? Owner, LocalDate? Due, ResponderId AddedBy, Instant AddedAt, Instant? DoneAt = null);
