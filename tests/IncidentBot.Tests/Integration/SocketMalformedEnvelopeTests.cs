using System.Text.Json.Nodes;
using IncidentBot.Tests.Fuzz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Socket Mode envelopes the fuzz run found never acknowledged (so Slack would deliver them again and again) or
/// logged as a handler's failure: each is acknowledged and dropped as malformed, on the same connection.
/// </summary>
public sealed class SocketMalformedEnvelopeTests : SocketBotTest
{
    private readonly ErrorLog errors = new();

    private protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(errors);

    [Fact]
    public async Task An_envelope_nested_past_the_parsers_depth_is_acknowledged()
    {
        JsonNode deep = new JsonArray();
        for (var i = 0; i < 100; i++)
        {
            deep = new JsonArray(deep);
        }

        await Server.SendEnvelopeAsync(new JsonObject { ["envelope_id"] = "deep-1", ["type"] = "interactive", ["payload"] = new JsonObject { ["type"] = "block_actions", ["x"] = deep } });

        await Server.WaitForAckAsync("deep-1");
        Assert.Single(Server.Connections);
    }

    [Fact]
    public async Task An_envelope_whose_accepts_response_payload_is_a_string_is_acknowledged()
    {
        await Server.SendEnvelopeAsync(new JsonObject { ["envelope_id"] = "retyped-1", ["type"] = "slash_commands", ["accepts_response_payload"] = "yes", ["payload"] = new JsonObject() });

        await Server.WaitForAckAsync("retyped-1");
    }

    [Fact]
    public async Task A_slash_command_whose_command_is_a_number_is_acknowledged_as_malformed()
    {
        var payload = new JsonObject { ["user_id"] = "U0REPORTER", ["channel_id"] = "C0GENERAL", ["command"] = 5, ["text"] = "create Outage" };
        await Server.SendEnvelopeAsync(new JsonObject { ["envelope_id"] = "number-1", ["type"] = "slash_commands", ["accepts_response_payload"] = true, ["payload"] = payload });

        var ack = await Server.WaitForAckAsync("number-1");
        Assert.Null(ack.Payload);
        Assert.Empty(errors.Entries);
        Assert.Empty(Bot.Store.ListOpen());
    }
}
