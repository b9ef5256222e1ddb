namespace IncidentBot.Tests;

/// <summary>
/// Where tests keep their data files: one folder per test run, removed when the run ends, so thousands of hosts'
/// LiteDB files do not pile up in the machine's temp folder run after run.
/// </summary>
internal static class TestFiles
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(folder);
        return folder;
    });

    /// <summary>A new file path (not created) named after <paramref name="prefix"/> in this run's folder.</summary>
    public static string NewPath(string prefix, string extension = ".db") => Path.Combine(Folder.Value, $"{prefix}-{Guid.NewGuid():N}{extension}");

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a process being killed: the temp folder's own clean-up takes it later.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
