namespace IncidentBot.Storage;

/// <summary>
/// The store cannot be used: the PostgreSQL database cannot be reached or migrated, or the LiteDB file belongs to the
/// other kind of bot (sandbox or Slack); the message says why, for one line at start-up.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
