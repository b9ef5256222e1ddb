namespace IncidentBot.Tests.Fakes;

/// <summary>Waiting for connections and acknowledgements, woken by each change rather than by sleeping.</summary>
public sealed partial class FakeSocketModeServer
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Connection <paramref name="number"/> (from 1), once the server has said hello on it.</summary>
    public async Task<FakeSocketConnection> WaitForConnectionAsync(int number, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => connections.Count >= number && connections[number - 1].SaidHello, $"Socket Mode connection {number}", timeout);
        return Connections[number - 1];
    }

    /// <summary>The first acknowledgement of <paramref name="envelopeId"/>.</summary>
    public async Task<FakeSocketAck> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => acks.Exists(a => a.EnvelopeId == envelopeId), $"an acknowledgement of {envelopeId}", timeout);
        return Acks.First(a => a.EnvelopeId == envelopeId);
    }

    public Task WaitForClosedAsync(FakeSocketConnection connection, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => !connection.IsOpen, $"connection {connection.Number} to close", timeout);

    /// <summary>Waits until <paramref name="condition"/>, evaluated under the server's lock, holds.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = timeout ?? DefaultWait;
        using var deadline = new CancellationTokenSource(wait, TimeProvider.System);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (condition())
                {
                    return;
                }

                next = changed.Task;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {wait.TotalSeconds:0.#} s waiting for {what}; {Acks.Count} acknowledgements, {Connections.Count} connections.");
            }

            await next.WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Under <see cref="gate"/>: wakes every waiter.</summary>
    private void Changed()
    {
        var done = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
    }
}
