using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Emulator;
using IncidentBot.Sandbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Tests.Sandbox;

/// <summary>
/// What the sandbox sends the bot, received by a stand-in on 127.0.0.1: signed so the bot's own verifier accepts it,
/// and built only of the field names Slack's own sample payloads have.
/// </summary>
public sealed class SlackEmulatorTests : IAsyncLifetime
{
    private const string Secret = "sandbox-test-secret";
    private readonly List<(string Path, string Timestamp, string Signature, string Body)> received = [];
    private readonly LiteDatabase database = new(new MemoryStream());
    private readonly SlackEventBacklog events = new();
    private WebApplication bot = null!;
    private HttpClient http = null!;
    private EmulatedWorkspace workspace = null!;
    private SlackEmulator slack = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        bot = builder.Build();
        bot.MapPost("/slack/{kind}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (received)
            {
                received.Add((request.Path, request.Headers[SlackSignatureVerifier.TimestampHeader]!, request.Headers[SlackSignatureVerifier.SignatureHeader]!, body));
            }

            return Results.Ok();
        });
        await bot.StartAsync();
        var address = new Uri(bot.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
        var session = new SandboxSession(address, "xoxb-test", Secret);
        workspace = SandboxWorkspace.Create(database, session, TimeProvider.System, events, new SandboxChanges());
        http = new HttpClient();
        slack = new SlackEmulator(http, session, workspace, new SandboxResponseUrls(SystemClock.Instance), SystemClock.Instance, NullLogger<SlackEmulator>.Instance);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        database.Dispose();
        await bot.StopAsync();
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task A_composer_command_is_a_signed_form_with_Slacks_fields_and_mentions_escaped_to_ids()
    {
        var alex = SandboxDirectory.People[0];
        await slack.CommandAsync(alex, workspace.FindChannel(SandboxDirectory.GeneralChannelId)!, "/incident lead @sam", CancellationToken.None);

        var (path, form) = Signed();
        Assert.Equal("/slack/commands", path);
        var fields = QueryHelpers.ParseQuery(form);
        Assert.Subset(SampleKeys("SlashCommandPayload.json"), fields.Keys.ToHashSet());
        Assert.Equal("lead <@U0SAMRIVE1|sam>", fields["text"].ToString());
        Assert.Equal(alex.Id, fields["user_id"].ToString());
    }

    [Fact]
    public async Task A_button_click_is_a_signed_block_actions_payload_with_Slacks_fields()
    {
        var alex = SandboxDirectory.People[0];
        workspace.PostAs(alex, SandboxDirectory.GeneralChannelId, "Ready?", threadTs: null);
        var ts = Drain().Single()["ts"]!.ToString();

        var action = new JsonObject { ["type"] = "button", ["action_id"] = "reminder_snooze_15", ["block_id"] = "reminder_actions", ["value"] = "INC-1" };
        await slack.BlockActionAsync(alex, workspace.FindChannel(SandboxDirectory.GeneralChannelId)!, ts, action, CancellationToken.None);

        var (path, form) = Signed();
        Assert.Equal("/slack/interactions", path);
        var payload = JsonNode.Parse(QueryHelpers.ParseQuery(form)["payload"].ToString())!.AsObject();
        Assert.Subset(SampleKeys("BlockActionPayload.json"), payload.Select(p => p.Key).ToHashSet());
        Assert.Equal(ts, payload["container"]!["message_ts"]!.ToString());
        Assert.Equal("reminder_snooze_15", payload["actions"]![0]!["action_id"]!.ToString());
    }

    [Fact]
    public async Task A_reaction_is_a_signed_event_callback_with_Slacks_envelope_and_event_fields()
    {
        var sam = SandboxDirectory.People[1];
        workspace.PostAs(sam, SandboxDirectory.GeneralChannelId, "Rolled back", threadTs: null);
        var ts = Drain().Single()["ts"]!.ToString();
        workspace.ToggleReaction(SandboxDirectory.People[0], SandboxDirectory.GeneralChannelId, ts, "memo");

        await slack.SendEventAsync(Drain().Single(), CancellationToken.None);

        var (path, body) = Signed();
        Assert.Equal("/slack/events", path);
        var envelope = JsonNode.Parse(body)!.AsObject();
        Assert.Subset(SampleKeys("ReactionAddedPayload.json"), envelope.Select(p => p.Key).ToHashSet());
        Assert.Subset(SampleKeys("ReactionAddedPayload.json", "event"), envelope["event"]!.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal("reaction_added", envelope["event"]!["type"]!.ToString());
    }

    /// <summary>The one request received, after checking its signature with the bot's own verifier.</summary>
    private (string Path, string Body) Signed()
    {
        var (path, timestamp, signature, body) = Assert.Single(received);
        var verifier = new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = Secret }), SystemClock.Instance);
        Assert.Equal(SignatureCheck.Valid, verifier.Verify(timestamp, signature, Encoding.UTF8.GetBytes(body)));
        return (path, body);
    }

    private static HashSet<string> SampleKeys(string sample, string? inner = null)
    {
        var json = JsonNode.Parse(Fixture.Text("slack/" + sample))!.AsObject();
        return (inner is null ? json : json[inner]!.AsObject()).Select(p => p.Key).ToHashSet();
    }

    private List<JsonObject> Drain() => events.Drain();
}
