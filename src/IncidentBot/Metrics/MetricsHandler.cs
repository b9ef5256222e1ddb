using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Postmortems;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using Scriban.Runtime;

namespace IncidentBot.Metrics;

/// <summary>
/// <c>/incident metrics [30d|yyyy-MM]</c>: counts, times to detect, acknowledge, identify and resolve by severity, and the
/// completion rates, for the caller only. Figures are counts and times, never titles, so private incidents are safe to count.
/// </summary>
public sealed class MetricsHandler(IIncidentStore store, PostmortemUploadStore uploads, SeverityScheme scheme, MessageRenderer renderer) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["metrics", "stats"];

    public Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (MetricsPeriod.Parse(context.Arguments, context.Now) is not { } period)
        {
            return Task.FromResult(new SlackReply(
                $"`{SlackText.Escape(SlackText.Truncate(context.Arguments, 40))}` is not a period. Use a number of days or a month: `{context.Command.Command} metrics 30d` or `{context.Command.Command} metrics 2026-11`."));
        }

        var declared = store.DeclaredBetween(period.Start, period.End);
        var metrics = IncidentMetrics.Compute(period, declared, scheme, uploads.SharedAmong(declared.Select(i => i.Id)));
        return Task.FromResult(new SlackReply(renderer.RenderText("metrics", new ScriptObject { ["metrics"] = MetricsModel.For(metrics) })));
    }
}
