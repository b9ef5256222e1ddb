using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.People;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Postmortems;

/// <summary>
/// Renders <c>postmortem.md.sbn</c> from the templates folder to a Markdown draft, through the one
/// <see cref="MessageRenderer"/>: the template is registered with sample models (<c>AddPostmortems</c>), so a typo is a
/// start-up error naming the file and line; variables are strict. The output is Markdown, not the Block Kit line layout.
/// </summary>
public sealed class PostmortemRenderer
{
    public const string TemplateName = "postmortem.md";
    public const string TemplateFile = TemplateName + ".sbn";

    private readonly MessageRenderer renderer;
    private readonly SeverityScheme scheme;
    private readonly Duration postmortemDue;

    public PostmortemRenderer(MessageRenderer renderer, SeverityScheme scheme, IOptions<IncidentsOptions> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        this.renderer = renderer;
        this.scheme = scheme;
        postmortemDue = Duration.FromTimeSpan(incidents.Value.PostmortemDue);
    }

    /// <summary>The name the draft goes by in Slack and in a download: <c>INC-7-postmortem.md</c>.</summary>
    public static string FileName(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return $"{incident.Id}-postmortem.md";
    }

    /// <summary>
    /// The draft as the incident stands at <paramref name="now"/>: its timeline with the scribe notes merged in, and its
    /// people by the handles in <paramref name="names"/> (<see cref="PostmortemModel.People"/> says whom to look up).
    /// </summary>
    public string Render(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ScribeNote> notes, Instant now, PersonNames names)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return renderer.RenderDocument(TemplateName, PostmortemModel.For(incident, scheme.Named(incident.Severity), timeline, notes, postmortemDue, now, names));
    }
}
