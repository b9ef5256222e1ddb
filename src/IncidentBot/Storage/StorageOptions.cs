namespace IncidentBot.Storage;

/// <summary>Settings of the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file that holds every incident, the outbox and the audit log. Default <c>data/incidentbot.db</c>; its directory is created.</summary>
    public string Path { get; set; } = "data/incidentbot.db";
}
