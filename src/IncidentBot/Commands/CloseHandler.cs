using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace IncidentBot.Commands;

/// <summary><c>/incident close</c>: closes a resolved incident and, if configured, archives the war room.</summary>
public sealed class CloseHandler(IncidentActions actions, IncidentMessages messages, IOptions<IncidentsOptions> options) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["close"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        if (await actions.AuthorizeAsync(context, incident, "close").ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var archive = options.Value.ArchiveOnClose;
        return await actions.ApplyAsync(
            context,
            incident,
            i => i.Close(context.User, context.Now),
            i => Effects(i, context, archive),
            i => archive ? $"{i.Id} is closed; the war room is being archived." : $"{i.Id} is closed.").ConfigureAwait(false);
    }

    private IEnumerable<OutboxMessage> Effects(Incident incident, CommandContext context, bool archive)
    {
        yield return OutboxMessage.Post(incident.Id.Value, messages.Closed(incident, context.User, archive, context.Now), context.Now);
        yield return OutboxMessage.For(incident.Id.Value, OutboxKind.RefreshDeclaration, context.Now);
        if (archive)
        {
            yield return OutboxMessage.For(incident.Id.Value, OutboxKind.ArchiveWarRoom, context.Now);
        }
    }
}
