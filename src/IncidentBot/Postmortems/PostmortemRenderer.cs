using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.People;
using Microsoft.Extensions.Options;
using NodaTime;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace IncidentBot.Postmortems;

/// <summary>
/// Renders <c>postmortem.md.sbn</c> from the templates folder to a Markdown draft. Like <see cref="MessageRenderer"/>, the
/// template is parsed and test-rendered against sample models when the renderer is built (at start-up), so a typo is a
/// start-up error naming the file and line; variables are strict. The output is Markdown, not the Block Kit line layout.
/// </summary>
public sealed class PostmortemRenderer
{
    public const string TemplateFile = "postmortem.md.sbn";

    private readonly Template template;
    private readonly SeverityScheme scheme;
    private readonly Duration postmortemDue;

    public PostmortemRenderer(IOptions<MessagingOptions> messaging, SeverityScheme scheme, IOptions<IncidentsOptions> incidents)
    {
        ArgumentNullException.ThrowIfNull(messaging);
        ArgumentNullException.ThrowIfNull(incidents);
        this.scheme = scheme;
        postmortemDue = Duration.FromTimeSpan(incidents.Value.PostmortemDue);
        var path = Path.Combine(messaging.Value.TemplatesPath, TemplateFile);
        if (!File.Exists(path))
        {
            throw new TemplateException($"Template {path} is missing.");
        }

        template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            var first = template.Messages[0];
            throw new TemplateException($"Template {path} line {first.Span.Start.Line + 1}: {first.Message}");
        }

        foreach (var sample in PostmortemModel.Samples())
        {
            Render(sample);
        }
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
        return Render(PostmortemModel.For(incident, scheme.Named(incident.Severity), timeline, notes, postmortemDue, now, names));
    }

    private string Render(ScriptObject model)
    {
        // A long incident's timeline may have thousands of lines; the limit only guards against a runaway loop.
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false, LoopLimit = 1_000_000 };
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new TemplateException($"Template {template.SourceFilePath} line {ex.Span.Start.Line + 1}: {ex.OriginalMessage}", ex);
        }
    }
}
