using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace IncidentBot.Lifecycle;

/// <summary><c>/incident close</c>: closes a resolved incident and, if configured, archives the war room.</summary>
public sealed class CloseHandler(IncidentActions actions, IOptions<IncidentsOptions> options) : IIncidentCommandHandler
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

        var archive = options.Value.ArchiveOnClose;
        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Steer("close"),
            i => i.Close(context.User, context.Now),
            i => archive ? $"{i.Id} is closed; the war room is being archived." : $"{i.Id} is closed.", postedInWarRoom: true).ConfigureAwait(false);
    }
}
