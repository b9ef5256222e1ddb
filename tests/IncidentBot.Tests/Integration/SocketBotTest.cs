using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// A fresh fake Slack, its Socket Mode side and a bot with <c>Slack:AppToken</c> set for each test, started once the
/// bot's first connection is up. <see cref="Mentions"/> records the app_mention events the bot handles.
/// </summary>
public abstract class SocketBotTest : IAsyncLifetime
{
    private protected FakeSlackApi Slack { get; private set; } = null!;

    private protected FakeSocketModeServer Server { get; private set; } = null!;

    private protected BotHost Bot { get; private set; } = null!;

    private protected EventRecorder Mentions { get; } = new("app_mention");

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync(Time);
        Server = await FakeSocketModeServer.StartAsync(Slack);
        Bot = BotHost.Start(
            Slack,
            settings: new Dictionary<string, string?> { ["Slack:AppToken"] = FakeSocketModeServer.AppToken },
            services: s =>
            {
                s.AddSingleton<ISlackEventSubscriber>(Mentions);
                ConfigureServices(s);
            },
            time: Time);
        await Server.WaitForConnectionAsync(1);
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Server.DisposeAsync();
        await Slack.DisposeAsync();
    }

    /// <summary>The bot's and the fake Slack's time, moved by the test; null for the real one.</summary>
    private protected virtual TestTime? Time => null;

    private protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Polls <c>/health</c> until it reports <paramref name="socket"/>, and returns the body.</summary>
    private protected static async Task<string> HealthWhenAsync(BotHost host, string socket)
    {
        ArgumentNullException.ThrowIfNull(host);
        var deadline = TimeProvider.System.GetTimestamp() + (10 * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            var body = await host.Unsigned.GetStringAsync(new Uri("/health", UriKind.Relative));
            if ((string?)JsonNode.Parse(body)!["socket"] == socket)
            {
                return body;
            }

            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"/health never said socket {socket}; last: {body}");
            }

            await Task.Delay(20);
        }
    }
}
