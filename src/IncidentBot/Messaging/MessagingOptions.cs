namespace IncidentBot.Messaging;

/// <summary>Settings of the "Messaging" section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Folder of the Scriban message templates. Default: <c>templates</c> beside the program.</summary>
    public string TemplatesPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "templates");
}
