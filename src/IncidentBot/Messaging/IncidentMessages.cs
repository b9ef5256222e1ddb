using System.Collections.Concurrent;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Messaging;

/// <summary>Every message the bot sends about incidents, rendered from its template.</summary>
public sealed class IncidentMessages(MessageRenderer renderer, SeverityScheme scheme, IOptions<IncidentsOptions> options, IEnumerable<IMessageButtons>? buttons = null)
{
    /// <summary>The block id of the buttons under a kept message.</summary>
    public const string ButtonsBlock = "incident_buttons";

    private readonly IReadOnlyList<IMessageButtons> buttons = [.. buttons ?? []];

    /// <summary>How many slash command names keep their help text rendered; any further name's is rendered each time.</summary>
    public const int HelpNamesKept = 8;

    // The help text depends only on the templates and the settings, both fixed once the bot has started, and on the
    // name of the slash command (one or two per app): rendered once per name, for at most HelpNamesKept names, since the
    // name comes with each request.
    private readonly ConcurrentDictionary<string, string> help = new(StringComparer.Ordinal);

    /// <summary>The pinned declaration, with the call's link (<see cref="IncidentsOptions.CallUrl"/>) or a Slack huddle hint, and its buttons.</summary>
    public RenderedMessage Declaration(Incident incident, Instant now) =>
        WithButtons(renderer.Render("declaration", TemplateModels.Call(Model(incident, now), IncidentLinks.Fill(options.Value.CallUrl, incident))), KeptMessage.Declaration, incident);

    public RenderedMessage SeverityChanged(Incident incident, ResponderId actor, string from, Instant now) =>
        renderer.Render("severity-changed", TemplateModels.SeverityChange(Model(incident, now), actor.Value, from, incident.Severity, scheme.Find(incident.Severity)?.Rank < scheme.Find(from)?.Rank));

    public RenderedMessage RoleChanged(Incident incident, ResponderId actor, RoleChanged change, Instant now) =>
        renderer.Render("role-assigned", TemplateModels.Role(Model(incident, now), actor.Value, change));

    public RenderedMessage StatusChanged(Incident incident, ResponderId actor, IncidentStatus from, Instant now) =>
        renderer.Render("status-changed", TemplateModels.Change(Model(incident, now), actor.Value, IncidentLifecycle.Word(from), IncidentLifecycle.Word(incident.Status)));

    public RenderedMessage Update(Incident incident, ResponderId actor, string text, Instant now) =>
        renderer.Render("update", TemplateModels.Update(Model(incident, now), actor.Value, text));

    public RenderedMessage Resolved(Incident incident, ResponderId actor, Instant now) =>
        renderer.Render("resolved", TemplateModels.Actor(Model(incident, now), actor.Value));

    /// <summary>The war room's notice that the commander called the incident off, with their reason.</summary>
    public RenderedMessage Cancelled(Incident incident, ResponderId actor, bool archived, Instant now) =>
        renderer.Render("cancelled", TemplateModels.Cancelled(Model(incident, now), actor.Value, incident.EndReason ?? "", archived));

    public RenderedMessage Closed(Incident incident, ResponderId actor, bool archived, Instant now) =>
        renderer.Render("closed", TemplateModels.Closed(Model(incident, now), actor.Value, archived));

    /// <summary>The war room's record of an escalation: who was called in and why.</summary>
    public RenderedMessage Escalated(Incident incident, EscalationCall escalation, ResponderId? actor, Instant now) =>
        renderer.Render("escalation", TemplateModels.Escalation(Model(incident, now), escalation, actor?.Value));

    /// <summary>What the people and channels called in are sent.</summary>
    public RenderedMessage EscalationNotice(Incident incident, EscalationCall escalation, ResponderId? actor, Instant now) =>
        renderer.Render("escalation-notice", TemplateModels.Escalation(Model(incident, now), escalation, actor?.Value));

    public string Timeline(Incident incident, IReadOnlyList<TimelineLine> lines, Instant now, int max)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var shown = lines.Skip(Math.Max(0, lines.Count - max));
        return renderer.RenderText("timeline", TemplateModels.Timeline(Model(incident, now), shown, Math.Max(0, lines.Count - max)));
    }

    /// <summary>The reminder; the caller adds its buttons.</summary>
    public RenderedMessage Reminder(Incident incident, Instant now) =>
        renderer.Render("reminder", Model(incident, now));

    /// <summary>The reminder after someone acted on it: who did what, and no buttons left to click twice.</summary>
    public RenderedMessage ReminderDone(Incident incident, ResponderId actor, string what, Instant now) =>
        renderer.Render("reminder-done", TemplateModels.Update(Model(incident, now), actor.Value, what));

    public RenderedMessage StatusPageDraft(Incident incident, ResponderId actor, string text, Instant now) =>
        renderer.Render("statuspage-draft", TemplateModels.StatusPage(Model(incident, now), actor.Value, text, IncidentLifecycle.Word(incident.Status)));

    public string Help(string command)
    {
        if (help.TryGetValue(command, out var text))
        {
            return text;
        }

        text = renderer.RenderText("help", TemplateModels.Help(scheme, command, options.Value.ScribeReaction));
        if (help.Count < HelpNamesKept)
        {
            help.TryAdd(command, text);
        }

        return text;
    }

    /// <summary>How many names' help text is kept (at most <see cref="HelpNamesKept"/>, give or take concurrent first calls).</summary>
    internal int HelpNamesCached => help.Count;

    /// <summary>The open incidents, then apart those resolved and awaiting close (<see cref="Incident.IsAwaitingClose"/>).</summary>
    public string List(IReadOnlyCollection<Incident> incidents, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        return renderer.RenderText("list", TemplateModels.List(
            incidents.Where(i => i.IsOpen).Select(i => TemplateModels.ListItem(i, now)),
            incidents.Where(i => i.IsAwaitingClose).Select(i => TemplateModels.ListItem(i, now))));
    }

    /// <summary>The war room's topic, escaped like any message text, then cut to Slack's 250 characters as sent.</summary>
    public static string Topic(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return SlackText.Fit(SlackText.Escape($"{(incident.IsDrill ? "DRILL · " : "")}{incident.Id} · {incident.Severity} · {IncidentLifecycle.Word(incident.Status)} · {incident.Title}"), SlackLimits.Topic);
    }

    /// <summary>The message with one row of the buttons every <see cref="IMessageButtons"/> gives it now, if any, within Slack's 50 blocks.</summary>
    public RenderedMessage WithButtons(RenderedMessage message, KeptMessage which, Incident incident)
    {
        var elements = buttons.SelectMany(b => b.ButtonsFor(which, incident)).ToArray();
        if (elements.Length == 0 || message.Blocks.Count >= BlockLimits.Blocks)
        {
            return message;
        }

        var blocks = message.Blocks.DeepClone().AsArray();
        blocks.Add(BlockKit.Actions(ButtonsBlock, elements));
        return message with { Blocks = blocks };
    }

    private Scriban.Runtime.ScriptObject Model(Incident incident, Instant now) =>
        TemplateModels.ForIncident(incident, scheme.Named(incident.Severity), Duration.FromTimeSpan(options.Value.PostmortemDue), now);
}
