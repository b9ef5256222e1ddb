namespace IncidentBot.Slack.Inbound;

/// <summary>Handles clicks on the elements whose action id is in <see cref="ActionIds"/>.</summary>
public interface IBlockActionHandler
{
    IReadOnlyCollection<string> ActionIds { get; }

    Task HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken);
}
