using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace IncidentBot.Messaging;

/// <summary>
/// Renders the Scriban templates in the templates folder. Every template is parsed and test-rendered against a
/// sample model when the renderer is built (at start-up), so a typo is a start-up error naming the file and line,
/// not a failure in the middle of an incident. Variables are strict: an unknown name fails. Each folder registers its
/// templates with their sample models (<see cref="TemplateRegistration"/>.AddTemplates); Slack and Markdown templates
/// load alike.
/// </summary>
public sealed class MessageRenderer
{
    private readonly Dictionary<string, Template> templates = new(StringComparer.Ordinal);

    // The built-in functions (date, string, …), shared by every render: a context otherwise builds its own copy of
    // them, which cost more than rendering most messages. Read-only, so no template can change them for the next render.
    private readonly ScriptObject builtins = ReadOnly(TemplateContext.GetDefaultBuiltinObject());

    public MessageRenderer(IOptions<MessagingOptions> options, IEnumerable<TemplateSample> samples)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(samples);
        var folder = options.Value.TemplatesPath;
        foreach (var group in samples.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            var name = group.Key;
            var path = Path.Combine(folder, name + ".sbn");
            if (!File.Exists(path))
            {
                throw new TemplateException($"Template {path} is missing.");
            }

            var template = Template.Parse(File.ReadAllText(path), path);
            if (template.HasErrors)
            {
                var first = template.Messages[0];
                throw new TemplateException($"Template {path} line {first.Span.Start.Line + 1}: {first.Message}");
            }

            templates[name] = template;
            foreach (var sample in group)
            {
                RenderText(name, sample.Model());
            }
        }
    }

    /// <summary>Renders a template and lays it out as Block Kit.</summary>
    public RenderedMessage Render(string name, ScriptObject model) => BlockLayout.Build(RenderText(name, model));

    /// <summary>Renders a template to text (mrkdwn), for replies that need no blocks.</summary>
    public string RenderText(string name, ScriptObject model) => RenderText(name, model, loopLimit: 10_000);

    /// <summary>
    /// Renders a Markdown document, such as a post-mortem draft: a long incident's timeline may have thousands of lines,
    /// so its loop limit only guards against a runaway loop.
    /// </summary>
    public string RenderDocument(string name, ScriptObject model) => RenderText(name, model, loopLimit: 1_000_000);

    private string RenderText(string name, ScriptObject model, int loopLimit)
    {
        var template = templates.TryGetValue(name, out var t) ? t : throw new TemplateException($"No template named '{name}'.");
        var context = new TemplateContext(builtins) { StrictVariables = true, EnableRelaxedMemberAccess = false, LoopLimit = loopLimit };
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

    private static ScriptObject ReadOnly(ScriptObject builtins)
    {
        foreach (var module in builtins.Values.OfType<ScriptObject>())
        {
            module.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }
}
