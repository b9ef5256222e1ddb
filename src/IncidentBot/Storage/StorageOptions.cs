namespace IncidentBot.Storage;

/// <summary>Settings of the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where the bot keeps its state: one LiteDB file (the default, one replica) or a PostgreSQL database (any number of replicas).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDB;

    /// <summary>The LiteDB file that holds every incident, the outbox and the audit log. Default <c>data/incidentbot.db</c>; its directory is created.</summary>
    public string Path { get; set; } = "data/incidentbot.db";

    /// <summary>The Npgsql connection string of the PostgreSQL database (Provider PostgreSQL); the bot creates and migrates its tables.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL only: how long a replica's claim on the scheduler or on an outbox lane lasts unless renewed. A replica
    /// that dies is replaced within about this long; it is renewed every third of it. Default 10 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);
}

public enum StorageProvider
{
    LiteDB,
    PostgreSQL,
}
