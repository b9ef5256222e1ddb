using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Reminders;

/// <summary>
/// <c>/incident remind on|off</c>: turns the update reminders back on, or stops them (the text form of the reminder's
/// Stop button). Both are the commander's, as the button is, checked inside the write.
/// </summary>
public sealed class RemindHandler(IncidentActions actions, SeverityScheme scheme) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["remind"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "on", idMayComeLast: true);
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var word = target.Arguments.Trim().ToLowerInvariant();
        if (word is not ("on" or "off"))
        {
            var what = word.Length == 0 ? "On or off?" : $"`{SlackText.Escape(SlackText.Truncate(word, 40))}` is neither on nor off.";
            return new SlackReply($"{what} `{context.Command.Command} remind on` turns update reminders back on; `{context.Command.Command} remind off` stops them.");
        }

        var on = word == "on";
        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Command(on ? "turn on the update reminders of" : "stop the update reminders of"),
            i => on ? i.ResumeReminders(scheme.Named(i.Severity), context.User, context.Now) : i.StopReminders(context.User, context.Now),
            i => on
                ? $"Update reminders for {i.Id} are on again; the next one is due in {SlackText.Duration(scheme.Named(i.Severity).UpdateInterval)}."
                : $"Update reminders for {i.Id} are stopped. `{context.Command.Command} remind on` turns them back on.").ConfigureAwait(false);
    }
}
