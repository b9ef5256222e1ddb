using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack.Blocks;

namespace IncidentBot.Reminders;

/// <summary>The "Post update" form: status (prefilled with the current one) and the update's text.</summary>
public static class UpdateForm
{
    public const string StatusBlock = "status";
    public const string TextBlock = "text";

    /// <summary>The form for <paramref name="incident"/>; the reminder's ts ("" when opened from the declaration) rides along so it can be edited after the update.</summary>
    public static JsonObject View(Incident incident, string reminderTs)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var statuses = new[] { IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Monitoring, IncidentStatus.Resolved }
            .Select(s => (IncidentLifecycle.Word(s), IncidentLifecycle.Word(s)));
        var blocks = new JsonArray(
            BlockKit.StaticSelect(StatusBlock, "Status", "status_select", statuses, IncidentLifecycle.Word(incident.Status)),
            BlockKit.TextInput(TextBlock, "What changed, what comes next", "text_input", multiline: true, optional: false, TemplateModels.TextMax));
        var metadata = string.Create(CultureInfo.InvariantCulture, $"{incident.Id.Value}|{reminderTs}");
        return BlockKit.Modal(ReminderActions.UpdateForm, $"Update {incident.Id}", "Post update", blocks, metadata);
    }
}
