namespace IncidentBot.Storage;

/// <summary>The LiteDB file is held by another process; the message names the file and what to do, for one line at start-up.</summary>
public sealed class StorageInUseException : Exception
{
    public StorageInUseException()
    {
    }

    public StorageInUseException(string message)
        : base(message)
    {
    }

    public StorageInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
