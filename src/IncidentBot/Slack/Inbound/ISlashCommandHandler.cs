namespace IncidentBot.Slack.Inbound;

/// <summary>Answers a verified slash command. Must return well inside Slack's 3 s; slow work goes to the outbox.</summary>
public interface ISlashCommandHandler
{
    Task<SlackReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken);
}
