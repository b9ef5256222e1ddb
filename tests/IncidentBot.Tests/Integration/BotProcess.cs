using System.Net;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace IncidentBot.Tests.Integration;

/// <summary>The bot as an operator runs it: <c>dotnet IncidentBot.dll --urls …</c> in its own process, configured by environment variables.</summary>
internal sealed partial class BotProcess : IDisposable
{
    private static readonly string BotDll = Path.Combine(AppContext.BaseDirectory, "IncidentBot.dll");

    private BotProcess(Process process)
    {
        Process = process;

        // A test run that ends without disposing (aborted mid-test) still ends the bot.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public Process Process { get; }

    /// <summary>
    /// Starts the bot without waiting for it: for a start that is meant to fail, read <see cref="Process"/>'s exit. By
    /// default the build output's bot, started in its own folder; <paramref name="dll"/> and <paramref name="workingDirectory"/>
    /// start another copy (a published one) from another folder.
    /// </summary>
    public static BotProcess Start(Dictionary<string, string> environment, string arguments = "--urls http://127.0.0.1:0", string? dll = null, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("dotnet", $"\"{dll ?? BotDll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // As in BotHost: the default escalation matrix would add its own post to every war room.
        info.Environment["Incidents__AutoEscalation"] = "false";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new BotProcess(Process.Start(info)!);
    }

    /// <summary>
    /// Starts the bot and returns once it listens and passes <paramref name="ready"/>, if given. A start that fails on
    /// the way (the bot exits, never listens, or fails the check) kills the process before the failure is rethrown,
    /// so a failing set-up leaves no bot running.
    /// </summary>
    public static async Task<BotProcess> StartAsync(Dictionary<string, string> environment, Func<BotProcess, Task>? ready = null, string? dll = null, string? workingDirectory = null)
    {
        var bot = Start(environment, dll: dll, workingDirectory: workingDirectory);
        try
        {
            bot.Address = await bot.ListeningAsync();
            if (ready is not null)
            {
                await ready(bot);
            }

            return bot;
        }
        catch
        {
            bot.Dispose();
            throw;
        }
    }

    /// <summary>Where the bot listens, once <see cref="StartAsync"/> returned.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A client for the bot whose requests are signed with the tests' secret (<see cref="BotHost.SigningSecret"/>), as Slack signs them.</summary>
    public HttpClient SignedClient() =>
        new(new SigningHandler(BotHost.SigningSecret) { InnerHandler = new HttpClientHandler() }) { BaseAddress = Address };

    /// <summary>Sends <c>/incident <paramref name="text"/></c> from the reporter in <paramref name="channel"/>; the answer's text, once it is a 200.</summary>
    public static async Task<string> CommandAsync(HttpClient signed, string channel, string text)
    {
        ArgumentNullException.ThrowIfNull(signed);
        using var form = new StringContent(
            $"team_id=T0001&channel_id={channel}&user_id={BotHost.Reporter}&command=%2Fincident&text={Uri.EscapeDataString(text)}&trigger_id=1.2.3",
            Encoding.UTF8,
            "application/x-www-form-urlencoded");
        using var ack = await signed.PostAsync(new Uri("/slack/commands", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        return await ack.Content.ReadAsStringAsync();
    }

    /// <summary>Reads the log until Kestrel says where it listens.</summary>
    private async Task<Uri> ListeningAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await Process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Listening().Match(line);
            if (match.Success)
            {
                // Keep draining the log so the process never blocks on a full pipe.
                _ = Process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("The bot exited without listening: " + await Process.StandardError.ReadToEndAsync());
    }

    /// <summary>Waits for a start that is meant to fail: its exit code, its standard error's lines and its log (standard output).</summary>
    public async Task<(int ExitCode, string[] Errors, string Log)> ExitAsync()
    {
        var stderr = Process.StandardError.ReadToEndAsync();
        var stdout = Process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Process.WaitForExitAsync(timeout.Token);
        return (Process.ExitCode, (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries), await stdout);
    }

    /// <summary>Ends the process at once, as kill -9 does: no shutdown code runs.</summary>
    public void KillHard()
    {
        Process.Kill(entireProcessTree: true);
        Process.WaitForExit();
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        KillOnExit(this, EventArgs.Empty);
        Process.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        if (!Process.HasExited)
        {
            KillHard();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
