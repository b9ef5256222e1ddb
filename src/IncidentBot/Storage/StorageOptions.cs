namespace IncidentBot.Storage;

/// <summary>Settings of the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where the bot keeps its state: one LiteDB file (the default, one replica) or a PostgreSQL database (any number of replicas).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDB;

    /// <summary>The file name of the LiteDB file in <see cref="DataDirectory"/> when <see cref="Path"/> is not set.</summary>
    public const string DefaultFileName = "incidentbot.db";

    /// <summary>
    /// The folder every file the bot writes goes to unless its own setting says otherwise: the LiteDB file
    /// (<c>incidentbot.db</c>), the sandbox's (<c>sandbox.db</c>), their logs and locks. A relative path is under the
    /// folder the bot is started from. Default <c>data</c>; <c>/data</c> in the Docker image.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The LiteDB file that holds every incident, the outbox and the audit log. Default <c>incidentbot.db</c> in <see cref="DataDirectory"/>; its directory is created.</summary>
    public string Path { get; set; } = "";

    /// <summary>Set by the sandbox, never bound: the file holds the sandbox's emulated workspace, which no bot with a real token may open.</summary>
    internal bool Sandbox { get; set; }

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
