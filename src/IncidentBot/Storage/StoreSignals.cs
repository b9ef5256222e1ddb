namespace IncidentBot.Storage;

/// <summary>What the stores announce after a commit: new outbox messages, or a changed incident (its reminder may have moved).</summary>
public sealed class StoreSignals
{
    public Signal Outbox { get; } = new();

    public Signal Incidents { get; } = new();
}
