using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.SocketMode;

/// <summary>The reading loop, each envelope's own task, and the one-at-a-time sender.</summary>
public sealed partial class SocketModeConnection
{
    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), closing.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync().ConfigureAwait(false);
                    LogClosedBySlack(Number, socket.CloseStatusDescription ?? "");
                    return;
                }

                if (message.Length + result.Count > MaxFrameBytes)
                {
                    LogTooLarge(Number);
                    socket.Abort();
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    OnMessage(message.ToArray());
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (!closing.IsCancellationRequested)
            {
                LogLost(Number, ex.Message);
            }
        }
    }

    private void OnMessage(byte[] utf8)
    {
        SocketModeFrame frame;
        try
        {
            frame = SocketModeFrame.Parse(utf8);
        }
        catch (JsonException)
        {
            if (SocketModeFrame.EnvelopeIdOf(utf8) is { Length: > 0 } id)
            {
                // Slack would deliver it again and again, and it would never read better: acknowledged and dropped.
                LogUnreadableEnvelope(Number, id);
                Track(Task.Run(() => SendAsync(new JsonObject { ["envelope_id"] = id }), CancellationToken.None));
                return;
            }

            LogUnreadable(Number);
            return;
        }

        if (frame.IsEnvelope)
        {
            // Off the reading loop: handlers may do synchronous work before their first await.
            Track(Task.Run(() => HandleEnvelopeAsync(frame), CancellationToken.None));
            return;
        }

        switch (frame.Type)
        {
            case "hello":
                hello.TrySetResult();
                break;
            case "disconnect":
                disconnect.TrySetResult(frame.Reason ?? "unknown");
                break;
            default:
                LogUnknownFrame(Number, frame.Type);
                break;
        }
    }

    private async Task HandleEnvelopeAsync(SocketModeFrame envelope)
    {
        try
        {
            await envelopes.HandleAsync(envelope, SendAsync, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The bot is stopping; Slack delivers whatever was not acknowledged again once it is back.
        }
    }

    private void Track(Task task)
    {
        lock (inFlight)
        {
            inFlight.Add(task);
        }

        _ = task.ContinueWith(
            done =>
            {
                lock (inFlight)
                {
                    inFlight.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task SendAsync(JsonObject frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        try
        {
            await sending.WaitAsync(closing.Token).ConfigureAwait(false);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, closing.Token).ConfigureAwait(false);
                    return;
                }
            }
            finally
            {
                sending.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Falls through to the log below: the acknowledgement is lost with the socket.
        }

        LogAckLost(Number);
    }

    private async Task AnswerCloseAsync()
    {
        if (socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout, time);
        try
        {
            await sending.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                sending.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Slack has closed its side already; our half of the handshake is a courtesy.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Number} closed by Slack ({Description})")]
    private partial void LogClosedBySlack(int number, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Number} lost: {Failure}")]
    private partial void LogLost(int number, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Number}: a frame over 1 MiB; dropping the connection")]
    private partial void LogTooLarge(int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Number}: a frame that is not JSON was ignored")]
    private partial void LogUnreadable(int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Number}: envelope {EnvelopeId} cannot be read; acknowledged and dropped")]
    private partial void LogUnreadableEnvelope(int number, string envelopeId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode connection {Number}: ignored a {Type} frame")]
    private partial void LogUnknownFrame(int number, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Number} closed before an acknowledgement left; Slack delivers that envelope again")]
    private partial void LogAckLost(int number);
}
