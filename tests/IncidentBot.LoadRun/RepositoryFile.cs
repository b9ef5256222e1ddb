namespace IncidentBot.LoadRun;

/// <summary>Files of the repository the runner was built in, found from its build output upwards.</summary>
internal static class RepositoryFile
{
    /// <summary>The path of <paramref name="relative"/> (e.g. <c>.ci/postgres</c>) in the nearest folder above the runner that has it, or null.</summary>
    public static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
