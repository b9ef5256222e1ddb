using IncidentBot.Changes;
using IncidentBot.Messaging;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

/// <summary><c>/incident started &lt;time&gt;</c>: records when impact began, which time to detect counts from.</summary>
public sealed class StartedHandler(IncidentActions actions) : IIncidentCommandHandler
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

        if (ImpactStartText.Parse(target.Arguments, context.Now) is not { } started)
        {
            var what = target.Arguments.Length == 0 ? "When did impact start?" : $"`{SlackText.Escape(SlackText.Truncate(target.Arguments, 40))}` is not a time I can read.";
            return new SlackReply($"{what} Give it as {ImpactStartText.Examples}: `{context.Command.Command} started 30m ago`.");
        }

        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Steer("set the impact start of"),
            i => i.StartImpactAt(started, context.User, context.Now),
            i => $"Impact on {i.Id} started {SlackText.Date(started)}; time to detect: {SlackText.Duration(i.DeclaredAt - started)}.").ConfigureAwait(false);
    }
}
