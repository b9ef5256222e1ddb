using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Paging;
using IncidentBot.Postmortems;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

/// <summary><c>/incident status investigating|identified|monitoring|resolved</c>: moves the state machine; an illegal move is explained.</summary>
public sealed class StatusHandler(IncidentActions actions, IncidentMessages messages) : IIncidentCommandHandler
{
    private static readonly string[] Settable = ["investigating", "identified", "monitoring", "resolved"];

    public IReadOnlyCollection<string> Verbs { get; } = ["status"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "identified");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var (word, rest) = IncidentCommandParser.FirstWord(target.Arguments);
        if (!Settable.Contains(word, StringComparer.OrdinalIgnoreCase) || !Enum.TryParse<IncidentStatus>(word, ignoreCase: true, out var to))
        {
            var what = word.Length == 0 ? "Which status?" : $"`{SlackText.Escape(SlackText.Truncate(word, 40))}` is not a status.";
            return new SlackReply($"{what} Use one of {string.Join(", ", Settable)}: `{context.Command.Command} status identified`.");
        }

        if (await actions.AuthorizeAsync(context, incident, "change the status of").ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        return await ChangeAsync(actions, messages, context, incident, to, rest).ConfigureAwait(false);
    }

    /// <summary>Shared with <c>resolve</c>: the move, its announcement in the war room, the declaration and the topic.</summary>
    public static Task<SlackReply> ChangeAsync(IncidentActions actions, IncidentMessages messages, CommandContext context, Incident incident, IncidentStatus to, string? resolution)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(context);
        var from = IncidentStatus.Investigating;
        return actions.ApplyAsync(
            context,
            incident,
            i =>
            {
                from = i.Status;
                return i.ChangeStatus(to, context.User, context.Now, resolution);
            },
            i =>
            [
                OutboxMessage.Post(
                    i.Id.Value,
                    to == IncidentStatus.Resolved ? messages.Resolved(i, context.User, context.Now) : messages.StatusChanged(i, context.User, from, context.Now),
                    context.Now),
                OutboxMessage.For(i.Id.Value, OutboxKind.RefreshDeclaration, context.Now),
                OutboxMessage.For(i.Id.Value, OutboxKind.SetTopic, context.Now),
                .. PostmortemUpload.OnResolve(i, to, context.Now),
                .. PagerResolutions.OnStatusChange(i, from, to, context.Now),
            ],
            i => to == IncidentStatus.Resolved ? $"{i.Id} is resolved." : $"{i.Id} is now {IncidentLifecycle.Word(i.Status)}.");
    }
}
