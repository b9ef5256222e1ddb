using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>
/// Slack's side of the conversation with the bot: builds each request the way Slack does (a slash command's form, an
/// interaction's <c>payload</c> field, an Events API envelope), signs it with the session's secret, and POSTs it over
/// loopback to the bot's own <c>/slack/*</c> endpoints, so it passes the same signature check and code path as production.
/// </summary>
public sealed partial class SlackEmulator(HttpClient http, SandboxSession session, EmulatedWorkspace workspace, SandboxResponseUrls responseUrls, IClock clock, ILogger<SlackEmulator> logger)
{
    /// <summary>Slack gives up on an app's answer after 3 seconds.</summary>
    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(3);

    /// <summary>An Events API <c>event_callback</c> around <paramref name="inner"/>, as Slack delivers it.</summary>
    public async Task SendEventAsync(JsonObject inner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var envelope = new JsonObject
        {
            ["token"] = "",
            ["team_id"] = SandboxDirectory.TeamId,
            ["api_app_id"] = SandboxDirectory.AppId,
            ["event"] = inner,
            ["type"] = "event_callback",
            ["event_id"] = "Ev" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
            ["event_time"] = clock.GetCurrentInstant().ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["enterprise_id"] = null,
                ["team_id"] = SandboxDirectory.TeamId,
                ["user_id"] = SandboxDirectory.BotUserId,
                ["is_bot"] = true,
                ["is_enterprise_install"] = false,
            }),
            ["is_ext_shared_channel"] = false,
        };
        var answer = await PostAsync("slack/events", "application/json", envelope.ToJsonString(), cancellationToken).ConfigureAwait(false);
        if (answer.Status != HttpStatusCode.OK)
        {
            LogEventRefused(SlackArgs.Text(inner, "type") ?? "?", (int)answer.Status);
        }
    }

    /// <summary>The bot's answer: its status (<see cref="HttpStatusCode.GatewayTimeout"/> when it missed Slack's deadline) and body.</summary>
    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string contentType, string body, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(session.SigningSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(session.BaseUrl, path))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        request.Headers.UserAgent.ParseAdd("Slackbot 1.0 (+https://api.slack.com/robots)");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(AnswerDeadline);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token).ConfigureAwait(false);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(path);
            return (HttpStatusCode.GatewayTimeout, "");
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(path, ex.Message);
            return (HttpStatusCode.BadGateway, "");
        }
    }

    private static JsonObject? ParseObject(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox: the bot answered {EventType} event with HTTP {Status}")]
    private partial void LogEventRefused(string eventType, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox: the bot did not answer {Path} within Slack's 3 seconds")]
    private partial void LogTimeout(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox: could not reach the bot at {Path}: {Failure}")]
    private partial void LogUnreachable(string path, string failure);
}
