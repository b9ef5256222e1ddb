using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// Slack's Socket Mode side for tests: a Kestrel WebSocket endpoint whose single-use URLs <see cref="FakeSlackApi"/>
/// hands out from apps.connections.open. It says hello on each connection, sends envelopes on the newest open one (or
/// holds them until one opens), records every acknowledgement with its latency, and, like Slack, delivers again any
/// envelope a connection took with it unacknowledged, with <c>retry_attempt</c> raised.
/// </summary>
public sealed partial class FakeSocketModeServer : IAsyncDisposable
{
    /// <summary>An app-level token the fake accepts; the bot's <c>Slack:AppToken</c> in tests.</summary>
    public const string AppToken = "xapp-1-A111-1-fake";

    private readonly Lock gate = new();
    private readonly WebApplication app;
    private readonly List<FakeSocketConnection> connections = [];
    private readonly List<FakeSocketAck> acks = [];
    private readonly Dictionary<string, (JsonObject Envelope, FakeSocketConnection Connection)> unacknowledged = new(StringComparer.Ordinal);
    private readonly List<JsonObject> held = [];
    private readonly List<string> redelivered = [];
    private int tickets;

    private FakeSocketModeServer(WebApplication app)
    {
        this.app = app;
        app.UseWebSockets();
        app.Map("/link", AcceptAsync);
    }

    public static async Task<FakeSocketModeServer> StartAsync(FakeSlackApi slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var server = new FakeSocketModeServer(builder.Build());
        await server.app.StartAsync();
        slack.ServeSocketMode(server.NextUrl);
        return server;
    }

    /// <summary>Every connection the bot opened, in order.</summary>
    public IReadOnlyList<FakeSocketConnection> Connections => Locked(() => connections.ToList());

    /// <summary>Every acknowledgement, in arrival order.</summary>
    public IReadOnlyList<FakeSocketAck> Acks => Locked(() => acks.ToList());

    /// <summary>Ids of envelopes delivered again because their connection closed before the bot acknowledged them.</summary>
    public IReadOnlyList<string> Redelivered => Locked(() => redelivered.ToList());

    /// <summary>Sends an envelope on the newest open connection, or holds it until the bot opens one.</summary>
    public async Task SendEnvelopeAsync(JsonObject envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        FakeSocketConnection? newest;
        lock (gate)
        {
            newest = connections.LastOrDefault(c => c.IsOpen && c.SaidHello);
            if (newest is null)
            {
                held.Add(envelope);
                return;
            }

            Track(envelope, newest);
        }

        await newest.SendAsync(envelope);
    }

    /// <summary>Sends a frame as it is on one connection: a retry on another connection, say.</summary>
    public async Task SendAsync(FakeSocketConnection connection, JsonObject frame)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame["envelope_id"] is not null)
        {
            lock (gate)
            {
                Track(frame, connection);
            }
        }

        await connection.SendAsync(frame);
    }

    /// <summary>Sends a text message as it is on the newest open connection, untracked: a frame Slack would never send.</summary>
    public Task SendRawAsync(string text) => Newest().SendTextAsync(text);

    /// <summary>Slack's disconnect frame with <paramref name="reason"/> (refresh_requested, warning, …) on the newest open connection.</summary>
    public async Task DisconnectAsync(string reason)
    {
        var frame = JsonNode.Parse(Fixture.Text("slack/socket-mode/disconnect.json"))!.AsObject();
        frame["reason"] = reason;
        await Newest().SendAsync(frame);
    }

    /// <summary>Drops the newest open connection without a close handshake.</summary>
    public void Kill() => Newest().Kill();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Uri NextUrl()
    {
        // The shape of Slack's documented answer, pointed at this server.
        var documented = new Uri((string)JsonNode.Parse(Fixture.Text("slack/socket-mode/apps.connections.open.json"))!["examples"]!["success"]!["example"]!["url"]!);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        var ticket = Interlocked.Increment(ref tickets);
        return new UriBuilder("ws", address.Host, address.Port, documented.AbsolutePath, $"?ticket={ticket}&app_id=A111").Uri;
    }

    private FakeSocketConnection Newest() =>
        Locked(() => connections.LastOrDefault(c => c.IsOpen && c.SaidHello)) ?? throw new InvalidOperationException("The bot has no open Socket Mode connection.");

    private async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        FakeSocketConnection connection;
        lock (gate)
        {
            connection = new FakeSocketConnection(connections.Count + 1, socket, http);
            connections.Add(connection);
        }

        // Until hello has left, envelopes keep going to the older connection, or wait, as with Slack.
        var hello = JsonNode.Parse(Fixture.Text("slack/socket-mode/hello.json"))!.AsObject();
        hello["num_connections"] = Locked(() => connections.Count(c => c.IsOpen));
        await connection.SendAsync(hello);
        List<JsonObject> waiting;
        lock (gate)
        {
            connection.SaidHello = true;
            waiting = [.. held];
            held.Clear();
            waiting.ForEach(e => Track(e, connection));
            Changed();
        }

        foreach (var envelope in waiting)
        {
            await connection.SendAsync(envelope);
        }

        await connection.ReceiveAsync(OnAck, app.Lifetime.ApplicationStopping);
        await OnClosedAsync(connection);
        connection.Dispose();
    }

    private void OnAck(FakeSocketConnection connection, JsonObject ack)
    {
        var id = (string?)ack["envelope_id"] ?? "";
        lock (gate)
        {
            unacknowledged.Remove(id);
            acks.Add(new FakeSocketAck(id, ack["payload"] as JsonObject, connection.Number));
            Changed();
        }
    }

    private async Task OnClosedAsync(FakeSocketConnection connection)
    {
        List<JsonObject> retries;
        lock (gate)
        {
            connection.MarkClosed();
            retries = [];
            foreach (var (id, sent) in unacknowledged.Where(u => u.Value.Connection == connection).ToList())
            {
                unacknowledged.Remove(id);
                var retry = sent.Envelope.DeepClone().AsObject();
                retry["retry_attempt"] = ((int?)sent.Envelope["retry_attempt"] ?? 0) + 1;
                retry["retry_reason"] = "timeout";
                retries.Add(retry);
                redelivered.Add(id);
            }

            Changed();
        }

        foreach (var retry in retries)
        {
            await SendEnvelopeAsync(retry);
        }
    }

    /// <summary>Under <see cref="gate"/>: remembers on which connection an envelope left, to redeliver it if that one closes unacknowledged.</summary>
    private void Track(JsonObject envelope, FakeSocketConnection connection) =>
        unacknowledged[(string)envelope["envelope_id"]!] = (envelope, connection);

    private T Locked<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }
}
