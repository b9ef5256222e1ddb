using System.Net.WebSockets;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// One WebSocket to Slack. It reads frames until the socket closes; every envelope is handled on its own task, so one
/// slow handler delays no other acknowledgement, and acknowledgements leave one at a time, as a WebSocket requires.
/// </summary>
public sealed partial class SocketModeConnection : IAsyncDisposable
{
    private const int MaxFrameBytes = 1 << 20;

    /// <summary>Slack says hello right after the handshake; a connection that stays silent longer is useless.</summary>
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Pings catch a socket that died without a close (a NAT or proxy dropping it), which no read would notice.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(10);

    /// <summary>How long a closing connection waits for answers still being worked out: Slack's own 3 s.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource closing = new();
    private readonly TaskCompletionSource hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<Task> inFlight = [];
    private readonly SocketEnvelopeHandler envelopes;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    // Cancels envelope handling when the bot stops; closing this one connection must not cut its handlers short.
    private readonly CancellationToken stopping;
    private Task receiving = Task.CompletedTask;

    public SocketModeConnection(int number, SocketEnvelopeHandler envelopes, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        Number = number;
        this.envelopes = envelopes;
        this.time = time;
        this.logger = logger;
        this.stopping = stopping;
        socket.Options.KeepAliveInterval = KeepAlive;
        socket.Options.KeepAliveTimeout = KeepAlive;
    }

    /// <summary>Counts the connections the bot has opened since start, for the logs.</summary>
    public int Number { get; }

    public bool IsOpen => socket.State == WebSocketState.Open && !receiving.IsCompleted;

    /// <summary>Completes with Slack's reason (<c>refresh_requested</c>, <c>warning</c>, …) when Slack announces it will close this connection.</summary>
    public Task<string> DisconnectRequested => disconnect.Task;

    /// <summary>Completes when the socket has closed or died; never faults.</summary>
    public Task Completion => receiving;

    /// <summary>Connects and waits for Slack's hello; throws <see cref="TimeoutException"/> or <see cref="WebSocketException"/> when there is none.</summary>
    public async Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(HelloTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(url, linked.Token).ConfigureAwait(false);
            receiving = ReceiveAsync();
            await Task.WhenAny(hello.Task, receiving).WaitAsync(linked.Token).ConfigureAwait(false);

            // Both may be done: a hello followed at once by the socket's death is an open connection, lost.
            if (!hello.Task.IsCompleted)
            {
                throw new WebSocketException("Slack closed the connection before saying hello");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No hello from Slack within {HelloTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>
    /// Closes gracefully: answers still being worked out go out first, then the close handshake. Envelopes Slack sends
    /// after that go unacknowledged here, and Slack delivers them again on the bot's other connection.
    /// </summary>
    public async Task CloseAsync()
    {
        Task[] pending;
        lock (inFlight)
        {
            pending = [.. inFlight];
        }

        await Task.WhenAll(pending).WaitAsync(DrainTimeout, time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        using var timeout = new CancellationTokenSource(CloseTimeout, time);
        try
        {
            await sending.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                sending.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is already gone; there is nothing left to close.
        }

        await receiving.WaitAsync(CloseTimeout, time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync().ConfigureAwait(false);
        socket.Abort();
        await receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        socket.Dispose();
        sending.Dispose();
        closing.Dispose();
    }
}
