using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.People;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using NodaTime;

namespace IncidentBot.Metrics;

/// <summary>
/// <c>/incident started &lt;time&gt;</c>: records when impact began, which time to detect counts from. A time without an
/// offset is in the typist's Slack time zone (UTC when Slack cannot say), and the answer gives it back in that zone.
/// </summary>
public sealed class StartedHandler(IncidentActions actions, IPeopleDirectory people) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["started"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "14:05");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var zone = (await people.FindAsync(context.Command.UserId, cancellationToken).ConfigureAwait(false))?.TimeZone;
        if (ImpactStartText.Parse(target.Arguments, context.Now, zone ?? DateTimeZone.Utc) is not { } started)
        {
            var what = target.Arguments.Length == 0 ? "When did impact start?" : $"`{SlackText.Escape(SlackText.Truncate(target.Arguments, 40))}` is not a time I can read.";
            return new SlackReply($"{what} Give it as {ImpactStartText.Examples}: `{context.Command.Command} started 30m ago`.");
        }

        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Steer("set the impact start of"),
            i => i.StartImpactAt(started, context.User, context.Now),
            i => $"Impact on {i.Id} started {ImpactStartText.Echo(started, context.Now, zone ?? DateTimeZone.Utc)}; time to detect: {SlackText.Duration(i.DeclaredAt - started)}." +
                (zone is null ? " (Slack did not tell me your time zone, so times without an offset are UTC.)" : "")).ConfigureAwait(false);
    }
}
