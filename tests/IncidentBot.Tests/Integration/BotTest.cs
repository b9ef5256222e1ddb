using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace IncidentBot.Tests.Integration;

/// <summary>A fresh fake Slack and a fresh bot on its own LiteDB file for each test.</summary>
public abstract class BotTest : IAsyncLifetime
{
    private protected FakeSlackApi Slack { get; private set; } = null!;

    private protected BotHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync(Time);
        Bot = BotHost.Start(Slack, settings: Settings, services: ConfigureServices, clock: Clock, time: Time);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }

    /// <summary>Settings over <see cref="BotHost"/>'s own; none by default.</summary>
    private protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>The bot's clock; null for the real one. A test that moves time overrides this.</summary>
    private protected virtual IClock? Clock => null;

    /// <summary>The bot's and the fake Slack's time, moved by the test; null for the real one.</summary>
    private protected virtual TestTime? Time => null;

    private protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
