using IncidentBot.Slack;

namespace IncidentBot.People;

/// <summary>Who a Slack user is: their name and time zone, from users.info, remembered for a while.</summary>
public interface IPeopleDirectory
{
    /// <summary>
    /// The person, or null when Slack could not say (the lookup failed, timed out or the user is unknown): callers fall
    /// back to the id and to UTC. Answers quickly enough for a slash command's 3 s, as a slow lookup gives up.
    /// </summary>
    Task<Person?> FindAsync(SlackUserId user, CancellationToken cancellationToken);
}
