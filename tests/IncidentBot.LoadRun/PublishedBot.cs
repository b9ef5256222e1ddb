using System.Diagnostics;
using System.Runtime.InteropServices;

namespace IncidentBot.LoadRun;

/// <summary>
/// The bot as the Docker image runs it: published ReadyToRun for this machine's architecture with the Dockerfile's
/// options, into the run's folder, so the start, the memory and the throughput measured are those of what is deployed.
/// </summary>
internal static class PublishedBot
{
    /// <summary>Publishes the repository's bot into <paramref name="folder"/> and returns its <c>IncidentBot.dll</c>.</summary>
    public static async Task<string> PublishAsync(string folder)
    {
        var project = RepositoryFile.Find("src/IncidentBot/IncidentBot.csproj") ?? throw new InvalidOperationException(
            "The load run publishes the bot from the repository's sources (src/IncidentBot): run it from the repository, with dotnet run --project tests/IncidentBot.LoadRun.");
        var rid = $"linux-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", rid, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", folder, "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the bot failed ({process.ExitCode}):{Environment.NewLine}{await output}{await error}");
        }

        return Path.Combine(folder, "IncidentBot.dll");
    }
}
