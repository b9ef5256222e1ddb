namespace IncidentBot.Storage;

/// <summary>The PostgreSQL database cannot be reached or migrated; the message says why, for one line at start-up.</summary>
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
