namespace IncidentBot.Shortcuts;

/// <summary>The message shortcuts' callback ids (as in both Slack app manifests) and their forms' callback ids.</summary>
public static class ShortcutIds
{
    public const string AddToTimeline = "add_to_incident_timeline";
    public const string DeclareFromMessage = "declare_incident_from_message";

    /// <summary>The form that picks the incident for a message outside any war room.</summary>
    public const string PickIncidentForm = "add_to_timeline_pick";

    /// <summary>The declaration form opened from a message: it comes back with the message, to keep it on the timeline.</summary>
    public const string DeclareForm = "incident_create_from_message";

    public const string IncidentBlock = "incident";
}
