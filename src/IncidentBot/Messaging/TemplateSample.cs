using Scriban.Runtime;

namespace IncidentBot.Messaging;

/// <summary>
/// A template a folder contributes (see <see cref="TemplateRegistration"/>.AddTemplates): its name, the file name
/// without <c>.sbn</c>, and a sample model the <see cref="MessageRenderer"/> test-renders it against at start-up (a template may have several).
/// </summary>
public sealed record TemplateSample(string Name, Func<ScriptObject> Model);
