using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

/// <summary>Routes <c>/incident &lt;verb&gt; …</c> to the handler of that verb.</summary>
public sealed class CommandRouter : ISlashCommandHandler
{
    public Task<SlackReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(new SlackReply("Usage: /incident create <title> [severity]"));
}
