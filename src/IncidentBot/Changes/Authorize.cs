using IncidentBot.Incidents;
using IncidentBot.Slack;

namespace IncidentBot.Changes;

/// <summary>The <see cref="Authorization"/>s changes ask for, each a rule of <see cref="IncidentAuthority"/>.</summary>
public static class Authorize
{
    /// <summary>Add to the record (<paramref name="action"/> as in "post an update to").</summary>
    public static Authorization Contribute(string action) => (i, a, open) => IncidentAuthority.Refusal(i, a, IncidentAccess.Contribute, open, action, Mention);

    /// <summary>Steer the incident (<paramref name="action"/> as in "resolve").</summary>
    public static Authorization Steer(string action) => (i, a, open) => IncidentAuthority.Refusal(i, a, IncidentAccess.Steer, open, action, Mention);

    /// <summary>The commander's own decisions (<paramref name="action"/> as in "stop the reminders of"); the open model does not change who.</summary>
    public static Authorization Command(string action) => (i, a, _) => IncidentAuthority.Refusal(i, a, IncidentAccess.Command, openCommands: false, action, Mention);

    /// <summary>Speak for the incident to customers (<paramref name="action"/> as in "draft the status page of"); the open model does not change who.</summary>
    public static Authorization Communicate(string action) => (i, a, _) => IncidentAuthority.Refusal(i, a, IncidentAccess.Communicate, openCommands: false, action, Mention);

    /// <summary>Give <paramref name="role"/> to <paramref name="holder"/>, or clear it (null).</summary>
    public static Authorization Role(IncidentRole role, ResponderId? holder) => (i, a, open) => IncidentAuthority.RoleRefusal(i, a, role, holder, open, Mention);

    /// <summary>Refusals are read in Slack, so the people they name are mentions.</summary>
    private static string Mention(ResponderId who) => SlackText.User(who.Value);
}
