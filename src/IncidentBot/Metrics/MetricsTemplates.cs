using Scriban.Runtime;

namespace IncidentBot.Metrics;

/// <summary>The templates this folder renders, each with the sample model it is checked against at start-up.</summary>
public static class MetricsTemplates
{
    public static IReadOnlyDictionary<string, Func<ScriptObject>> Samples { get; } = new Dictionary<string, Func<ScriptObject>>(StringComparer.Ordinal)
    {
        ["metrics"] = MetricsModel.Sample,
        [ReviewUpload.TemplateName] = MonthlyReviewModel.Sample,
    };
}
