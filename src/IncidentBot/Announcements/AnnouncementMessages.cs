using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using Microsoft.Extensions.Options;
using NodaTime;
using Scriban.Runtime;

namespace IncidentBot.Announcements;

/// <summary>
/// The announcement (in the announcement channel and the stakeholder channels) and the lines added to its thread, rendered
/// from their templates with what only announcements show: whether the war room is archived, and an overdue update.
/// </summary>
public sealed class AnnouncementMessages(MessageRenderer renderer, IncidentMessages messages, SeverityScheme scheme, IOptions<IncidentsOptions> options)
{
    public const string Template = "announcement";
    public const string LineTemplate = "announcement-line";

    public RenderedMessage Announcement(Incident incident, Instant now) =>
        messages.WithButtons(renderer.Render(Template, Model(incident, now)), KeptMessage.Announcement, incident);

    /// <summary>The thread's line for one change: <paramref name="kind"/> is update, severity, status, commander, resolved, closed or cancelled.</summary>
    public RenderedMessage Line(Incident incident, string kind, ResponderId actor, Instant now, string from = "", string to = "", string text = "")
    {
        var model = Model(incident, now);
        var raised = kind == "severity" && scheme.Find(to)?.Rank < scheme.Find(from)?.Rank;
        model["line"] = Line(kind, actor.Value, from, to, SlackText.Escape(SlackText.Truncate(text, TemplateModels.TextMax)), raised);
        return renderer.Render(LineTemplate, model);
    }

    /// <summary>How long ago, as the announcement says it: <c>47 min</c>, <c>2 h 5 min</c>, <c>3 d 4 h</c>.</summary>
    public static string Ago(Duration elapsed) => elapsed switch
    {
        { Days: > 0 } d => string.Create(CultureInfo.InvariantCulture, $"{d.Days} d {d.Hours} h"),
        { Hours: > 0 } d => string.Create(CultureInfo.InvariantCulture, $"{d.Hours} h {d.Minutes} min"),
        var d when d > Duration.Zero => string.Create(CultureInfo.InvariantCulture, $"{d.Minutes} min"),
        _ => "0 min",
    };

    internal static ScriptObject Line(string kind, string actor, string from, string to, string text, bool raised) => new()
    {
        ["kind"] = kind,
        ["raised"] = raised,
        ["actor"] = SlackText.User(actor),
        ["from"] = from,
        ["to"] = to,
        ["text"] = text,
    };

    internal static ScriptObject Model(Incident incident, Severity severity, Duration postmortemDue, bool archiveOnClose, Instant now)
    {
        var model = TemplateModels.ForIncident(incident, severity, postmortemDue, now);
        model["announcement"] = new ScriptObject
        {
            ["archived"] = archiveOnClose && incident.Status == IncidentStatus.Closed,
            ["overdue"] = incident.IsOpen && now > incident.UpdateOverdueAt(severity),
            ["last_update_ago"] = Ago(now - incident.LastUpdateAt),
        };
        return model;
    }

    private ScriptObject Model(Incident incident, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var o = options.Value;
        return Model(incident, scheme.Named(incident.Severity), Duration.FromTimeSpan(o.PostmortemDue), o.ArchiveOnClose, now);
    }
}
