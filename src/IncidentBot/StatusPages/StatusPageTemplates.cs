using Scriban.Runtime;

namespace IncidentBot.StatusPages;

/// <summary>The customer-facing templates, one per status, each checked against a sample model at start-up.</summary>
public static class StatusPageTemplates
{
    public static IReadOnlyDictionary<string, Func<ScriptObject>> Samples { get; } = new Dictionary<string, Func<ScriptObject>>(StringComparer.Ordinal)
    {
        ["statuspage-investigating"] = StatusPageModel.Sample,
        ["statuspage-identified"] = StatusPageModel.Sample,
        ["statuspage-monitoring"] = StatusPageModel.Sample,
        ["statuspage-resolved"] = StatusPageModel.Sample,
    };
}
