using IncidentBot.Commands;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;

namespace IncidentBot.Metrics;

/// <summary>
/// <c>/incident review &lt;yyyy-MM&gt;</c>: the monthly incident review, shared as a Markdown file in the channel it was
/// asked in. Like every side effect it goes through the outbox, and it is made when it is sent.
/// </summary>
public sealed class ReviewHandler(IIncidentStore store) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["review"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (MetricsPeriod.ParseMonth(context.Arguments) is not { } month)
        {
            return new SlackReply($"Which month? `{context.Command.Command} review 2026-11`.");
        }

        if (MetricsPeriod.Month(month).Start > context.Now)
        {
            return new SlackReply($"{MetricsPeriod.Month(month).Label} has not started yet; pick a month that has.");
        }

        var entry = AuditEntries.For(context, null, "review " + MetricsPeriod.Month(month).Label);
        context.Audited = true;
        await store.EnqueueAsync(entry, ReviewUpload.Requested(month, context.Command.ChannelId, context.User, context.Now)).ConfigureAwait(false);
        return new SlackReply($"Putting together the incident review of {MetricsPeriod.Month(month).Label}: `{ReviewUpload.FileName(month)}` will be shared here. The bot must be a member of this channel.");
    }
}
