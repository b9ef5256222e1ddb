namespace IncidentBot.Storage;

public enum OutboxState
{
    Pending,
    Done,

    /// <summary>Slack refused it for good (e.g. channel_not_found); kept with its error for the operator.</summary>
    Failed,
}
