using System.Diagnostics;
using System.Net;

namespace IncidentBot.LoadRun;

/// <summary>
/// Sends signed requests to a server, either as fast as a fixed number of connections allows (saturation, a closed
/// loop) or at a fixed rate (an open loop whose latency counts from when each request was due, so a stalled server
/// cannot hide its queue by slowing the sender down).
/// </summary>
internal sealed class LoadGenerator : IDisposable
{
    private readonly HttpClient client;

    public LoadGenerator(int maxConnections)
    {
        client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Called with each answer's body; false counts the answer as failed.</summary>
    public delegate bool AnswerCheck(ReadOnlySpan<byte> body);

    public async Task<LoadResult> SaturateAsync(Uri server, Func<long, SignedBody> next, int connections, TimeSpan duration, AnswerCheck? check = null)
    {
        long sequence = -1;
        var failed = 0;
        var perWorker = new List<long>[connections];
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(async w =>
        {
            var latencies = perWorker[w] = new List<long>(4096);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var body = next(Interlocked.Increment(ref sequence));
                var sent = Stopwatch.GetTimestamp();
                var ok = await SendAsync(server, body, check);
                latencies.Add(Stopwatch.GetTimestamp() - sent);
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return LoadResult.From([.. perWorker.SelectMany(l => l)], failed, elapsed);
    }

    /// <summary>Sends every body once, <paramref name="connections"/> at a time, as fast as answers come back.</summary>
    public async Task<LoadResult> SendAllAsync(Uri server, IReadOnlyList<SignedBody> bodies, int connections)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var latencies = new long[bodies.Count];
        var next = -1;
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var sent = Stopwatch.GetTimestamp();
                var ok = await SendAsync(server, bodies[index]);
                latencies[index] = Stopwatch.GetTimestamp() - sent;
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return LoadResult.From([.. latencies], failed, Stopwatch.GetElapsedTime(started));
    }

    public async Task<LoadResult> FixedRateAsync(Uri server, Func<long, SignedBody> next, int perSecond, TimeSpan duration, AnswerCheck? check = null)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new long[total];
        var late = new long[total];
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = started + (i * Stopwatch.Frequency / perSecond);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                // Measured from when it left (up to a millisecond early, never waited for by spinning: that CPU is the
                // bot's); how late it left, the generator's own lag on a loaded machine, is reported beside.
                var from = Stopwatch.GetTimestamp();
                late[index] = Math.Max(0, from - due);
                var ok = await SendAsync(server, next(index), check);
                latencies[index] = Stopwatch.GetTimestamp() - from;
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return LoadResult.From([.. latencies], failed, elapsed) with { LateP99Ms = LoadResult.Percentile([.. late.Order()], 0.99) };
    }

    /// <summary>One request; true when it got a 200 (and the check, if any, accepts the body).</summary>
    public async Task<bool> SendAsync(Uri server, SignedBody body, AnswerCheck? check = null)
    {
        try
        {
            using var response = await PostAsync(server, body);
            var answer = await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK && (check is null || check(answer));
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>One signed request on the generator's pooled connections; the caller reads and disposes the answer.</summary>
    public async Task<HttpResponseMessage> PostAsync(Uri server, SignedBody body)
    {
        using var request = SlackRequests.ToRequest(server, body);
        return await client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(Uri url, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    public void Dispose() => client.Dispose();
}
