using NodaTime;

namespace IncidentBot.People;

/// <summary>A Slack user as the bot names them and reads their times: <c>@alice</c> in <c>Europe/Berlin</c>.</summary>
/// <param name="Id">The user id (U…).</param>
/// <param name="Name">The handle Slack gives (users.info <c>name</c>), without the @.</param>
/// <param name="TimeZone">The zone of the user's Slack profile; null when Slack gives none the bot knows.</param>
public sealed record Person(string Id, string Name, DateTimeZone? TimeZone);
