using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace IncidentBot.BrowserTests;

/// <summary>
/// The bot as a new user starts it, with no Slack settings at all: <c>dotnet IncidentBot.dll</c> in its own process,
/// which comes up in sandbox mode and says where in its first log lines.
/// </summary>
internal sealed partial class SandboxProcess : IDisposable
{
    private static readonly string BotDll = Path.Combine(AppContext.BaseDirectory, "IncidentBot.dll");
    private readonly Process process;
    private readonly StringBuilder log = new();
    private readonly string folder;
    private bool disposed;

    private SandboxProcess(Process process, string folder)
    {
        this.process = process;
        this.folder = folder;
        LastProcessId = process.Id;

        // A test run that ends without disposing (aborted, or a fixture that never got the process) still ends the bot.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The process id of the bot started last, so a test can tell that a failed set-up ended it.</summary>
    public static int? LastProcessId { get; private set; }

    /// <summary>The sandbox's page, as the log printed it.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Everything the bot logged so far, to explain a failure.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <param name="settings">Extra settings as environment variables, e.g. <c>Sandbox__UpdateInterval</c>.</param>
    public static async Task<SandboxProcess> StartAsync(Dictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-sandbox-").FullName;
        var info = new ProcessStartInfo("dotnet", $"\"{BotDll}\" --urls http://127.0.0.1:0")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("Slack__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["Sandbox__Path"] = Path.Combine(folder, "sandbox.db");
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var started = new SandboxProcess(Process.Start(info)!, folder);
        try
        {
            await started.WaitForUrlAsync();
            return started;
        }
        catch
        {
            // A start that never printed its address must not leave the bot running.
            started.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Kill();
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process; the temp folder is cleaned up by the system.
        }
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private async Task WaitForUrlAsync()
    {
        var found = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Keep(e.Data, found);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, found);
        process.Exited += (_, _) => found.TrySetException(new InvalidOperationException("The bot exited before it printed the sandbox's address:\n" + Log));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Url = await found.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private void Keep(string? line, TaskCompletionSource<Uri> found)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }

        if (SandboxLine().Match(line) is { Success: true } match)
        {
            found.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"SANDBOX MODE.*Open (http://\S+/) in a browser")]
    private static partial Regex SandboxLine();
}
