namespace IncidentBot.Messaging;

/// <summary>Settings of the "Messaging" section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>
    /// Folder of the Scriban message templates. A relative path is looked for under the content root (the folder the bot
    /// is started from), then beside the program, where the build copies the repository's <c>templates/</c>. Default
    /// <c>templates</c>.
    /// </summary>
    public string TemplatesPath { get; set; } = "templates";

    /// <summary>
    /// <see cref="TemplatesPath"/> as a full path: as given when absolute; else under <paramref name="contentRoot"/> if
    /// that folder exists, else beside the program if that one does, else under <paramref name="contentRoot"/>, so a
    /// missing template is reported where the setting points.
    /// </summary>
    public static string Resolve(string path, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(contentRoot);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var underRoot = Path.GetFullPath(path, contentRoot);
        var besideProgram = Path.GetFullPath(path, AppContext.BaseDirectory);
        return !Directory.Exists(underRoot) && Directory.Exists(besideProgram) ? besideProgram : underRoot;
    }
}
