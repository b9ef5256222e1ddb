using System.Text;
using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Postmortems;

/// <summary>
/// <c>/incident action &lt;text&gt; [@owner] [due YYYY-MM-DD]</c> records a follow-up for the post-mortem;
/// <c>/incident action done &lt;n&gt;</c> marks one done; <c>/incident actions</c> lists them, to the caller only. Anyone in the war room may add one, as anyone may spot one.
/// </summary>
public sealed class ActionHandler(IncidentActions actions) : IIncidentCommandHandler
{
    private const string Grammar = "action &lt;text&gt; [@owner] [due YYYY-MM-DD]";
    private const int ListMax = 50;
    private const int ItemMax = 300;

    public IReadOnlyCollection<string> Verbs { get; } = ["action", "actions"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var listing = context.Verb == "actions";
        var target = actions.Find(context, listing ? "" : "add a retry budget @owner due 2026-12-01");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var (first, rest) = IncidentCommandParser.FirstWord(target.Arguments);
        if (!listing && first.Equals("done", StringComparison.OrdinalIgnoreCase) && int.TryParse(rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return await actions.ApplyAsync(
                context,
                incident,
                Authorize.Contribute("complete the action items of"),
                i => i.CompleteActionItem(number, context.User, context.Now),
                i => $"Action item {number} of {i.Id} is done.").ConfigureAwait(false);
        }

        return listing ? List(context, incident) : await AddAsync(context, incident, target.Arguments).ConfigureAwait(false);
    }

    private Task<SlackReply> AddAsync(CommandContext context, Incident incident, string arguments)
    {
        var words = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        ResponderId? owner = null;
        LocalDate? due = null;

        // The owner and the due date trail the text, in either order; a mention inside the text stays part of it.
        while (words.Count > 0)
        {
            if (owner is null && IncidentCommandParser.MentionedUser(words[^1]) is { } user)
            {
                owner = user;
                words.RemoveAt(words.Count - 1);
            }
            else if (due is null && words.Count >= 2 && words[^2].Equals("due", StringComparison.OrdinalIgnoreCase))
            {
                var date = LocalDatePattern.Iso.Parse(words[^1]);
                if (!date.Success)
                {
                    return Task.FromResult(new SlackReply($"`{SlackText.Escape(SlackText.Truncate(words[^1], 40))}` is not a date. Give the due date as YYYY-MM-DD: `{context.Command.Command} {Grammar}`."));
                }

                due = date.Value;
                words.RemoveRange(words.Count - 2, 2);
            }
            else
            {
                break;
            }
        }

        var text = string.Join(' ', words);
        return actions.ApplyAsync(
            context,
            incident,
            Authorize.Contribute("add action items to"),
            i => i.AddActionItem(text, owner, due, context.User, context.Now),
            i => $"Action item {i.ActionItems[^1].Number} recorded for {i.Id}: {Describe(i.ActionItems[^1])}\n`{context.Command.Command} actions` lists them; they go into the post-mortem.");
    }

    private static SlackReply List(CommandContext context, Incident incident)
    {
        if (incident.ActionItems.Count == 0)
        {
            return new SlackReply($"{incident.Id} has no action items yet. Add one: `{context.Command.Command} {Grammar}`.");
        }

        var list = new StringBuilder($"*Action items of {incident.Id} ({incident.ActionItems.Count}):*");
        foreach (var item in incident.ActionItems.Take(ListMax))
        {
            list.Append("\n• ").Append(Describe(item));
        }

        if (incident.ActionItems.Count > ListMax)
        {
            list.Append("\n… and ").Append(incident.ActionItems.Count - ListMax).Append(" more, all in the post-mortem.");
        }

        return new SlackReply(list.ToString());
    }

    private static string Describe(ActionItem item)
    {
        var owner = item.Owner is { } o ? SlackText.User(o.Value) : "no owner";
        var due = item.Due is { } d ? "due " + LocalDatePattern.Iso.Format(d) : "no due date";
        return $"*{item.Number}.* {SlackText.Escape(SlackText.Truncate(item.Text, ItemMax))} ({owner}, {due}){(item.DoneAt is null ? "" : " ✅ done")}";
    }
}
