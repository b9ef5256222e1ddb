namespace IncidentBot.Incidents;

/// <summary>
/// Who acknowledged an incident, and where: a Slack user (<see cref="InSlack"/>), or someone an alert source names
/// (<see cref="Name"/>, e.g. the PagerDuty user who acknowledged the page), with the bot as the timeline's actor.
/// </summary>
public sealed record Acknowledger(ResponderId Actor, string Source, string Name)
{
    /// <summary>The <see cref="Source"/> of an acknowledgement made in Slack.</summary>
    public const string Slack = "Slack";

    public static Acknowledger InSlack(ResponderId user) => new(user, Slack, "");

    public bool IsSlackUser => string.Equals(Source, Slack, StringComparison.Ordinal);
}
