namespace IncidentBot.Tests.Fuzz;

/// <summary>
/// How a fuzz run's bot is set up to be quick: its LiteDB file in memory (<c>/dev/shm</c>) where the machine has it,
/// so the valid changes in between cost no disk sync, and only errors logged, as thousands of refused requests would
/// otherwise each write a warning to the console. The run is about what the bot answers, not what survives a power
/// loss; <see cref="ErrorLog"/> still sees every error.
/// </summary>
internal static class FuzzDatabase
{
    public static string NewPath()
    {
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        return Path.Combine(folder, $"incidentbot-fuzz-{Guid.NewGuid():N}.db");
    }

    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? [], StringComparer.Ordinal) { ["Logging:LogLevel:Default"] = "Error" };
        return settings;
    }

    public static void Delete(string path)
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "*"))
        {
            File.Delete(file);
        }
    }
}
