namespace IncidentBot.Acknowledgements;

/// <summary>What came of an alert source's acknowledgement.</summary>
public enum AcknowledgeResult
{
    /// <summary>Recorded: the incident is acknowledged now.</summary>
    Acknowledged,

    /// <summary>Someone acknowledged it before; nothing changed.</summary>
    AlreadyAcknowledged,

    /// <summary>The incident is resolved, closed or cancelled; nothing changed.</summary>
    NotOpen,

    /// <summary>No incident has that id or page key.</summary>
    NotFound,
}
