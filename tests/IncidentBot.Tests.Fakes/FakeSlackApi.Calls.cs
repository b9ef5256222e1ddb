using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>The call log, waiting on it, and the per-method fault queues.</summary>
public sealed partial class FakeSlackApi
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly List<RecordedCall> calls = [];
    private readonly Dictionary<string, Queue<FakeSlackFault>> faults = new(StringComparer.Ordinal);
    private TaskCompletionSource callArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The calls so far in arrival order, all of them or those to <paramref name="method"/>.</summary>
    public IReadOnlyList<RecordedCall> Calls(string? method = null) =>
        Locked(() => calls.FindAll(c => method is null || c.Method == method));

    /// <summary>
    /// The first call to <paramref name="method"/>, already made or still to come, that <paramref name="match"/> accepts.
    /// Wakes on each new call rather than sleeping; gives up after <paramref name="timeout"/> (10 s by default) with a
    /// <see cref="TimeoutException"/> listing every call seen.
    /// </summary>
    public async Task<RecordedCall> WaitForCallAsync(string method, Func<RecordedCall, bool>? match = null, TimeSpan? timeout = null)
    {
        var wait = timeout ?? DefaultWait;
        using var deadline = new CancellationTokenSource(wait, TimeProvider.System);
        while (true)
        {
            List<RecordedCall> seen;
            Task arrived;
            lock (gate)
            {
                seen = [.. calls];
                arrived = callArrived.Task;
            }

            if (seen.Find(c => c.Method == method && (match is null || match(c))) is { } hit)
            {
                return hit;
            }

            if (deadline.IsCancellationRequested)
            {
                var log = seen.Count == 0 ? "none" : string.Join(Environment.NewLine, seen.Select(Describe));
                throw new TimeoutException(
                    $"No {method} call{(match is null ? "" : " matching the condition")} within {wait.TotalSeconds:0.###} s. Calls seen:{Environment.NewLine}{log}");
            }

            await arrived.WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> calls to <paramref name="method"/> get HTTP <paramref name="statusCode"/> and do
    /// nothing. A 429 carries Retry-After (whole seconds, 1 unless given), as Slack's always do.
    /// </summary>
    public void FailNext(string method, int statusCode, int count = 1, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter ?? TimeSpan.Zero, TimeSpan.Zero);
        var wait = retryAfter ?? (statusCode == 429 ? TimeSpan.FromSeconds(1) : null);
        Enqueue(method, count, new FakeSlackFault(StatusCode: statusCode, RetryAfter: wait));
    }

    /// <summary>
    /// The next <paramref name="count"/> calls to <paramref name="method"/> answer <c>ok:false</c> with <paramref name="slackError"/>
    /// in an HTTP 200 and do nothing; with <paramref name="retryAfter"/> the answer carries Retry-After (whole seconds).
    /// </summary>
    public void ErrorNext(string method, string slackError, int count = 1, TimeSpan? retryAfter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(slackError);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter ?? TimeSpan.Zero, TimeSpan.Zero);
        Enqueue(method, count, new FakeSlackFault(SlackError: slackError, RetryAfter: retryAfter));
    }

    /// <summary>
    /// The next call to <paramref name="method"/> does its work and answers in the shape <paramref name="reshape"/> leaves
    /// its answer, as Slack does where it documents fewer fields than the workspace emulator gives.
    /// </summary>
    public void ReshapeNext(string method, Action<JsonObject> reshape)
    {
        ArgumentNullException.ThrowIfNull(reshape);
        Enqueue(method, 1, new FakeSlackFault(Reshape: reshape));
    }

    /// <summary>
    /// The next <paramref name="count"/> calls to <paramref name="method"/> answer after <paramref name="delay"/>. With
    /// <paramref name="applyBeforeDelay"/> the work is done at once and only the answer is late, so a test can stop the
    /// bot after Slack acted but before the bot heard; otherwise the work is done after the delay, and not at all if
    /// the caller has hung up by then.
    /// </summary>
    public void DelayNext(string method, TimeSpan delay, int count = 1, bool applyBeforeDelay = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Enqueue(method, count, new FakeSlackFault(Delay: delay, ApplyBeforeDelay: applyBeforeDelay));
    }

    private void Enqueue(string method, int count, FakeSlackFault fault)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            if (!faults.TryGetValue(method, out var queue))
            {
                faults[method] = queue = new Queue<FakeSlackFault>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    /// <summary>Under <see cref="gate"/>: the fault for this call, if one is queued.</summary>
    private FakeSlackFault? TakeFault(string method) =>
        faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault) ? fault : null;

    /// <summary>Under <see cref="gate"/>: logs the call and wakes every waiter.</summary>
    private void Record(RecordedCall call)
    {
        calls.Add(call);
        var arrived = callArrived;
        callArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        arrived.SetResult();
    }

    private static string Describe(RecordedCall call)
    {
        var args = call.Args.ToJsonString();
        var fault = call.Injected is null ? "" : $"  [injected {call.Injected}]";
        return $"  {call.At:HH:mm:ss.fff} {call.Method} {(args.Length > 300 ? args[..300] + "…" : args)}{fault}";
    }
}
