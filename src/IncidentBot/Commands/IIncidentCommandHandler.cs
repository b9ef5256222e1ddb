using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

/// <summary>Handles the <c>/incident</c> subcommands named in <see cref="Verbs"/>.</summary>
public interface IIncidentCommandHandler
{
    IReadOnlyCollection<string> Verbs { get; }

    Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
