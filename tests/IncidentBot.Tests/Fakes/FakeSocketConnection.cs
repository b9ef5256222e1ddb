using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Tests.Fakes;

/// <summary>One WebSocket the bot opened to <see cref="FakeSocketModeServer"/>, numbered from 1 in opening order.</summary>
public sealed class FakeSocketConnection(int number, WebSocket socket, HttpContext http) : IDisposable
{
    private readonly SemaphoreSlim sending = new(1, 1);

    public int Number { get; } = number;

    /// <summary>When the bot connected (a <see cref="TimeProvider.System"/> timestamp).</summary>
    public long OpenedAt { get; } = TimeProvider.System.GetTimestamp();

    /// <summary>When the socket closed or died; null while it is open.</summary>
    public long? ClosedAt { get; private set; }

    /// <summary>True when the bot closed this connection with a close handshake, rather than the server or a dead socket.</summary>
    public bool ClosedByBot { get; private set; }

    public bool IsOpen => ClosedAt is null;

    /// <summary>Set once hello has left: only then does the server send envelopes here.</summary>
    internal bool SaidHello { get; set; }

    internal Task SendAsync(JsonObject frame) => SendTextAsync(frame.ToJsonString());

    /// <summary>Sends one text message as it is, JSON or not.</summary>
    internal async Task SendTextAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            await sending.WaitAsync();
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                }
            }
            finally
            {
                sending.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // The bot went away; the server redelivers what it did not acknowledge.
        }
    }

    /// <summary>Drops the connection without a close handshake, as a dying network does.</summary>
    internal void Kill() => http.Abort();

    /// <summary>Reads the bot's acknowledgements until the socket closes, answering a close from the bot.</summary>
    internal async Task ReceiveAsync(Action<FakeSocketConnection, JsonObject> onAck, CancellationToken stopping)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), stopping);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClosedByBot = true;
                    await sending.WaitAsync(stopping);
                    try
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", stopping);
                    }
                    finally
                    {
                        sending.Release();
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    if (JsonNode.Parse(message.ToArray()) is JsonObject ack)
                    {
                        onAck(this, ack);
                    }

                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException)
        {
            // Killed, stopped, or the bot sent something that is not an acknowledgement: the connection ends.
        }
    }

    internal void MarkClosed() => ClosedAt = TimeProvider.System.GetTimestamp();

    public void Dispose() => sending.Dispose();
}
