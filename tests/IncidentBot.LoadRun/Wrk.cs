using System.Diagnostics;
using System.Globalization;
using System.Text;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.LoadRun;

/// <summary>
/// Saturation with <c>wrk</c> (Debian's package of that name), when it is on the PATH: a C load generator, far lighter
/// than <see cref="LoadGenerator"/>'s <c>HttpClient</c>, so the bare endpoint's figure is this machine's Kestrel
/// ceiling as any other wrk measurement would find it. The Lua script sends the already signed bodies in turn: a
/// signature covers its timestamp and body, and the bot deduplicates no slash command, so one signature per body serves
/// the whole level (it stays inside Slack's five minutes). wrk has no fixed-rate mode: the fixed rates stay with
/// <see cref="LoadGenerator"/>.
/// </summary>
internal sealed class Wrk(string executable, string directory)
{
    public const string InstallHint = "wrk is not installed: saturation uses the runner's own HttpClient generator; `apt-get install -y wrk` for figures comparable with other Kestrel measurements";

    private int scripts;

    /// <summary>The generator's description for the report.</summary>
    public static string Describe(Wrk? wrk) => wrk is null
        ? "the runner's own HttpClient generator (wrk not installed)"
        : "wrk 2 threads";

    /// <summary>wrk when it is on the PATH, else null.</summary>
    public static Wrk? Find(string directory)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "wrk"))
            .FirstOrDefault(File.Exists);
        return found is null ? null : new Wrk(found, directory);
    }

    /// <summary>
    /// <paramref name="connections"/> keep-alive connections on two threads, each sending as soon as its answer arrives;
    /// an answer other than 2xx or 3xx, or a socket error, counts as failed.
    /// </summary>
    public async Task<LoadResult> SaturateAsync(Uri server, IReadOnlyList<SignedBody> bodies, int connections, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var script = Path.Combine(directory, $"wrk-{Interlocked.Increment(ref scripts).ToString(CultureInfo.InvariantCulture)}.lua");
        await File.WriteAllTextAsync(script, Script(bodies));
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)Math.Ceiling(duration.TotalSeconds)}s", "--timeout", "10s", "-s", script, server.ToString(),
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("WRK ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {await output}{await errors}");
        }

        // WRK requests failed duration-µs p50-µs p99-µs max-µs
        var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new LoadResult((int)f[0], (int)f[1], TimeSpan.FromMicroseconds(f[2]), f[3] / 1000, f[4] / 1000, f[5] / 1000);
    }

    /// <summary>One body: wrk's static request, built once. Several: a <c>request()</c> that hands them out in turn.</summary>
    private static string Script(IReadOnlyList<SignedBody> bodies)
    {
        var lua = new StringBuilder();
        if (bodies.Count == 1)
        {
            var only = bodies[0];
            lua.Append("wrk.method = \"POST\"\nwrk.path = ").Append(Quote(Encoding.ASCII.GetBytes("/" + only.Path)))
                .Append("\nwrk.body = ").Append(Quote(only.Body)).Append("\nwrk.headers = ").Append(Headers(only)).Append('\n');
        }
        else
        {
            // Formatted in init(), once wrk knows the Host header each request needs.
            lua.Append("local all = {}\nlocal n = 0\nfunction init(args)\n  all = {\n");
            foreach (var body in bodies)
            {
                lua.Append("    wrk.format(\"POST\", ").Append(Quote(Encoding.ASCII.GetBytes("/" + body.Path))).Append(", ")
                    .Append(Headers(body)).Append(", ").Append(Quote(body.Body)).Append("),\n");
            }

            lua.Append("  }\n  n = math.random(#all)\nend\nfunction request() n = n % #all + 1 return all[n] end\n");
        }

        lua.Append("""
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("WRK %d %d %d %d %d %d\n", summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
                summary.duration, latency:percentile(50), latency:percentile(99), latency.max))
            end

            """);
        return lua.ToString();
    }

    private static string Headers(SignedBody body) =>
        $"{{[\"Content-Type\"] = {Quote(Encoding.ASCII.GetBytes(body.ContentType))}, " +
        $"[\"{SlackSignatureVerifier.TimestampHeader}\"] = {Quote(Encoding.ASCII.GetBytes(body.Timestamp))}, " +
        $"[\"{SlackSignatureVerifier.SignatureHeader}\"] = {Quote(Encoding.ASCII.GetBytes(body.Signature))}}}";

    /// <summary>A Lua string literal of exactly these bytes: letters and digits as they are, everything else as <c>\ddd</c>.</summary>
    private static string Quote(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 2).Append('"');
        foreach (var b in bytes)
        {
            if (char.IsAsciiLetterOrDigit((char)b))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
        }

        return text.Append('"').ToString();
    }
}
