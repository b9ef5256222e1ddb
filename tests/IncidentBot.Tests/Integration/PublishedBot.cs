using System.Diagnostics;
using System.Reflection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The bot as <c>dotnet publish</c> leaves it, in a temporary folder (from this build's output: nothing is compiled
/// again), and a folder to start it from holding only <c>appsettings.example.json</c>, renamed <c>appsettings.json</c>,
/// as the README tells a new user to do. Both are removed at the end.
/// </summary>
public sealed class PublishedBot : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("incidentbot-published-").FullName;

    /// <summary>The published program.</summary>
    public string Dll => Path.Combine(root, "app", "IncidentBot.dll");

    public async Task InitializeAsync()
    {
        var configuration = typeof(PublishedBot).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(RepositoryRoot(), "src", "IncidentBot", "IncidentBot.csproj");
        var info = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "-o", Path.Combine(root, "app"), "--no-build", "-v", "q", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The test host's own MSBuild settings are not the publish's.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        using var publish = Process.Start(info)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await publish.WaitForExitAsync(timeout.Token);
        if (publish.ExitCode != 0 || !File.Exists(Dll))
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}): {await output}{await errors}");
        }
    }

    /// <summary>A new folder holding only the example settings as <c>appsettings.json</c>, to start the bot from.</summary>
    public string NewRunFolder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "run-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.Copy(Path.Combine(RepositoryRoot(), "appsettings.example.json"), Path.Combine(folder, "appsettings.json"));
        return folder;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "IncidentBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("IncidentBot.sln is not above " + AppContext.BaseDirectory);
    }
}
