using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentBot.Observability;

/// <summary>
/// The bot's own spans and instruments, both named <see cref="Name"/>: a span per slash command and per outbox
/// delivery (a child of the span that decided the message, so one trace follows a declaration to Slack), counters of
/// commands, deliveries, retries and scheduled work, and histograms of lane depth and Slack API latency.
/// </summary>
public sealed class BotTelemetry
{
    public const string Name = "IncidentBot";

    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> commands;
    private readonly Counter<long> deliveries;
    private readonly Counter<long> retries;
    private readonly Histogram<int> laneDepth;
    private readonly Counter<long> scheduled;
    private readonly Histogram<double> slackCalls;

    public BotTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        commands = meter.CreateCounter<long>("incidentbot.commands", "{command}", "Slash commands handled, by verb and outcome (ok, help, unknown, error).");
        deliveries = meter.CreateCounter<long>("incidentbot.outbox.deliveries", "{attempt}", "Outbox delivery attempts, by kind and outcome (done, retry_later, failed, crashed; superseded: made unnecessary by a later one of its kind).");
        retries = meter.CreateCounter<long>("incidentbot.outbox.retries", "{attempt}", "Outbox delivery attempts at a message tried before, by kind.");
        laneDepth = meter.CreateHistogram<int>("incidentbot.outbox.lane.depth", "{message}", "Messages pending in an incident's lane each time it reads a batch to send (at most 100).");
        scheduled = meter.CreateCounter<long>("incidentbot.scheduled.fired", "{message}", "Update reminders and escalation steps that came due and were queued, by work.");
        slackCalls = meter.CreateHistogram<double>("incidentbot.slack.api.duration", "s", "Slack Web API calls, each attempt, by method and HTTP status.");
    }

    public static Activity? StartCommand(string verb)
    {
        var activity = Source.StartActivity("/incident " + verb);
        activity?.SetTag("incidentbot.command.verb", verb);
        return activity;
    }

    public void CommandHandled(Activity? activity, string verb, string outcome)
    {
        activity?.SetTag("incidentbot.command.outcome", outcome);
        if (outcome == "error")
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        commands.Add(1, new KeyValuePair<string, object?>("verb", verb), new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>A delivery's span, a child of the span that decided the message when its trace context was kept.</summary>
    public static Activity? StartDelivery(string kind, string? traceParent, long messageId, int incidentId)
    {
        var parent = ActivityContext.TryParse(traceParent, null, out var decided) ? decided : default;
        var activity = Source.StartActivity("outbox " + kind, ActivityKind.Internal, parent);
        activity?.SetTag("incidentbot.outbox.kind", kind);
        activity?.SetTag("incidentbot.outbox.message_id", messageId);
        activity?.SetTag("incidentbot.incident.id", incidentId);
        return activity;
    }

    public void Delivered(Activity? activity, string kind, string outcome, bool retry)
    {
        activity?.SetTag("incidentbot.outbox.outcome", outcome);
        if (outcome is "failed" or "crashed")
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        var byKind = new KeyValuePair<string, object?>("kind", kind);
        deliveries.Add(1, byKind, new KeyValuePair<string, object?>("outcome", outcome));
        if (retry)
        {
            retries.Add(1, byKind);
        }
    }

    public void LaneStarted(int pending) => laneDepth.Record(pending);

    public void Fired(string work, int count)
    {
        if (count > 0)
        {
            scheduled.Add(count, new KeyValuePair<string, object?>("work", work));
        }
    }

    public void SlackCalled(string method, int status, TimeSpan elapsed) =>
        slackCalls.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("status", status));
}
