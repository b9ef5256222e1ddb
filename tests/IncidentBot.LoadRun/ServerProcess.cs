using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IncidentBot.LoadRun;

/// <summary>A server in its own process (<c>dotnet X.dll …</c>): started, timed until <c>/health</c> answers 200, measured, killed.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;

    private readonly Queue<string> log;

    private ServerProcess(Process process, Queue<string> log, Uri address, TimeSpan startToReady)
    {
        this.process = process;
        this.log = log;
        Address = address;
        StartToReady = startToReady;
    }

    public Uri Address { get; }

    /// <summary>From <c>Process.Start</c> until the first 200 from <c>/health</c>.</summary>
    public TimeSpan StartToReady { get; }

    public int Id => process.Id;

    /// <summary>The last lines the server wrote, for a failure's explanation.</summary>
    public string RecentLog => Tail(log);

    /// <summary>Starts <c>dotnet <paramref name="dll"/></c> (a path) in the dll's folder and waits until it answers <c>/health</c>.</summary>
    public static async Task<ServerProcess> StartAsync(string dll, string arguments, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {address} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll),
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var log = new Queue<string>();
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before it was ready:{Environment.NewLine}{Tail(log)}");
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{dll} was not ready within 60 s:{Environment.NewLine}{Tail(log)}");
            }

            try
            {
                using var health = await probe.GetAsync(new Uri(address, "health"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return new ServerProcess(process, log, address, Stopwatch.GetElapsedTime(started));
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Resident memory in MB, as "RSS (anonymous A, files F, JIT code and type data J; P of the files' share)": the kernel's
    /// split from <c>/proc/&lt;pid&gt;/status</c>. The files are the shared framework's code pages, which every .NET process
    /// on the machine shares (P is this process's proportional share, <c>Pss_File</c>); J is the runtime's double-mapped
    /// executable memory (<c>memfd:doublemapper</c>).
    /// </summary>
    public string ResidentMemory()
    {
        var pid = process.Id.ToString(CultureInfo.InvariantCulture);
        var kb = File.ReadLines($"/proc/{pid}/status").Concat(File.ReadLines($"/proc/{pid}/smaps_rollup"))
            .Select(line => line.Split(':', 2))
            .Where(parts => parts[0] is "VmRSS" or "RssAnon" or "RssFile" or "RssShmem" or "Pss_File")
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0, StringComparer.Ordinal);
        return $"{kb["VmRSS"]:0} MB (anonymous {kb["RssAnon"]:0}, files {kb["RssFile"]:0}, JIT code and type data {kb["RssShmem"]:0}; {kb["Pss_File"]:0} MB the files' share)";
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    /// <summary>Keeps the last lines of the server's output, for the error when it fails to start.</summary>
    private static void Keep(Queue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Enqueue(line);
            if (log.Count > 40)
            {
                log.Dequeue();
            }
        }
    }

    private static string Tail(Queue<string> log)
    {
        lock (log)
        {
            return string.Join(Environment.NewLine, log);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
