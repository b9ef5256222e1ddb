using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// <see cref="ISlackApi"/> over HTTP: Bearer auth, JSON bodies for write methods, form bodies for reads,
/// <c>ok:false</c> turned into <see cref="SlackApiException"/>, and the "slack" resilience pipeline around each call.
/// </summary>
public sealed partial class SlackApiClient : ISlackApi
{
    public const string PipelineName = "slack";

    /// <summary>Writes that would be done twice if repeated after Slack did them but the answer was lost.</summary>
    private static readonly HashSet<string> NotSafeToRepeat = new(StringComparer.Ordinal)
    {
        "chat.postMessage", "chat.postEphemeral", "conversations.create", "bookmarks.add", "views.open",
    };

    private readonly HttpClient http;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly ILogger<SlackApiClient> logger;
    private readonly string token;

    public SlackApiClient(HttpClient http, IOptions<SlackOptions> options, ResiliencePipelineProvider<string> pipelines, ILogger<SlackApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipelines);
        this.http = http;
        this.logger = logger;
        token = options.Value.BotToken;
        var baseUrl = options.Value.ApiBaseUrl.ToString();
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        pipeline = pipelines.GetPipeline<HttpResponseMessage>(PipelineName);
    }

    public async Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken)
    {
        using var doc = await FormAsync("auth.test", [], cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        return new SlackIdentity(Str(root, "user_id"), Str(root, "team_id"), OptStr(root, "bot_id"));
    }

    public async Task<SlackChannel> CreateConversationAsync(string name, bool isPrivate, CancellationToken cancellationToken)
    {
        using var doc = await JsonAsync("conversations.create", new JsonObject { ["name"] = name, ["is_private"] = isPrivate }, cancellationToken).ConfigureAwait(false);
        return ReadChannel(doc.RootElement.GetProperty("channel"));
    }

    public async Task InviteToConversationAsync(SlackChannelId channel, IReadOnlyCollection<SlackUserId> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var chunk in users.Select(u => u.Value).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var body = new JsonObject { ["channel"] = channel.Value, ["users"] = string.Join(',', chunk) };
            using var doc = await JsonAsync("conversations.invite", body, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<SlackChannelId> OpenDirectMessageAsync(SlackUserId user, CancellationToken cancellationToken)
    {
        using var doc = await JsonAsync("conversations.open", new JsonObject { ["users"] = user.Value }, cancellationToken).ConfigureAwait(false);
        return new SlackChannelId(Str(doc.RootElement.GetProperty("channel"), "id"));
    }

    public async Task SetTopicAsync(SlackChannelId channel, string topic, CancellationToken cancellationToken)
    {
        using var doc = await JsonAsync("conversations.setTopic", new JsonObject { ["channel"] = channel.Value, ["topic"] = SlackText.Fit(topic, SlackLimits.Topic) }, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetPurposeAsync(SlackChannelId channel, string purpose, CancellationToken cancellationToken)
    {
        using var doc = await JsonAsync("conversations.setPurpose", new JsonObject { ["channel"] = channel.Value, ["purpose"] = SlackText.Fit(purpose, SlackLimits.Purpose) }, cancellationToken).ConfigureAwait(false);
    }

    public async Task ArchiveConversationAsync(SlackChannelId channel, CancellationToken cancellationToken)
    {
        using var doc = await JsonAsync("conversations.archive", new JsonObject { ["channel"] = channel.Value }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SlackChannelPage> ListConversationsAsync(string types, string? cursor, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["types"] = types, ["exclude_archived"] = "true", ["limit"] = "200" };
        if (!string.IsNullOrEmpty(cursor))
        {
            form["cursor"] = cursor;
        }

        using var doc = await FormAsync("conversations.list", form, cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        var channels = root.TryGetProperty("channels", out var list) ? list.EnumerateArray().Select(ReadChannel).ToList() : [];
        var next = root.TryGetProperty("response_metadata", out var meta) ? OptStr(meta, "next_cursor") ?? "" : "";
        return new SlackChannelPage(channels, next);
    }

    public async Task<IReadOnlyList<SlackHistoryMessage>> GetHistoryAsync(SlackChannelId channel, string? oldest, int limit, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["channel"] = channel.Value,
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["include_all_metadata"] = "true",
        };
        if (!string.IsNullOrEmpty(oldest))
        {
            form["oldest"] = oldest;
        }

        using var doc = await FormAsync("conversations.history", form, cancellationToken).ConfigureAwait(false);
        return ReadMessages(doc.RootElement);
    }

    public async Task<SlackHistoryMessage?> GetMessageAsync(SlackChannelId channel, string ts, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["channel"] = channel.Value,
            ["latest"] = ts,
            ["oldest"] = ts,
            ["inclusive"] = "true",
            ["limit"] = "1",
        };
        using var doc = await FormAsync("conversations.history", form, cancellationToken).ConfigureAwait(false);
        return ReadMessages(doc.RootElement).FirstOrDefault(m => m.Ts == ts);
    }

    public async Task<IReadOnlyList<SlackHistoryMessage>> GetRepliesAsync(SlackChannelId channel, string threadTs, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["channel"] = channel.Value, ["ts"] = threadTs, ["include_all_metadata"] = "true" };
        using var doc = await FormAsync("conversations.replies", form, cancellationToken).ConfigureAwait(false);
        return ReadMessages(doc.RootElement);
    }

    public async Task<SlackPostedMessage> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        using var doc = await JsonAsync("chat.postMessage", MessageBody(message), cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        return new SlackPostedMessage(new SlackChannelId(Str(root, "channel")), Str(root, "ts"));
    }

    public async Task UpdateMessageAsync(SlackMessage message, string ts, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body["ts"] = ts;
        using var doc = await JsonAsync("chat.update", body, cancellationToken).ConfigureAwait(false);
    }

    public async Task PostEphemeralAsync(SlackMessage message, SlackUserId user, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body["user"] = user.Value;
        using var doc = await JsonAsync("chat.postEphemeral", body, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Uri> GetPermalinkAsync(SlackChannelId channel, string ts, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["channel"] = channel.Value, ["message_ts"] = ts };
        using var doc = await FormAsync("chat.getPermalink", form, cancellationToken).ConfigureAwait(false);
        return new Uri(Str(doc.RootElement, "permalink"));
    }

    public async Task AddPinAsync(SlackChannelId channel, string ts, CancellationToken cancellationToken)
    {
        using var doc = await JsonAsync("pins.add", new JsonObject { ["channel"] = channel.Value, ["timestamp"] = ts }, cancellationToken).ConfigureAwait(false);
    }

    public async Task AddBookmarkAsync(SlackChannelId channel, string title, Uri link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var body = new JsonObject { ["channel_id"] = channel.Value, ["title"] = title, ["type"] = "link", ["link"] = link.ToString() };
        using var doc = await JsonAsync("bookmarks.add", body, cancellationToken).ConfigureAwait(false);
    }

    public async Task AddReactionAsync(SlackChannelId channel, string ts, string name, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel.Value, ["timestamp"] = ts, ["name"] = name };
        using var doc = await JsonAsync("reactions.add", body, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveReactionAsync(SlackChannelId channel, string ts, string name, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel.Value, ["timestamp"] = ts, ["name"] = name };
        using var doc = await JsonAsync("reactions.remove", body, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SlackUser> GetUserInfoAsync(SlackUserId user, CancellationToken cancellationToken)
    {
        using var doc = await FormAsync("users.info", new Dictionary<string, string> { ["user"] = user.Value }, cancellationToken).ConfigureAwait(false);
        var u = doc.RootElement.GetProperty("user");
        var isBot = u.TryGetProperty("is_bot", out var bot) && bot.ValueKind == JsonValueKind.True;
        return new SlackUser(Str(u, "id"), Str(u, "name"), OptStr(u, "real_name"), OptStr(u, "tz"), isBot);
    }

    public async Task<IReadOnlyList<SlackUserId>> ListUserGroupMembersAsync(string userGroup, CancellationToken cancellationToken)
    {
        using var doc = await FormAsync("usergroups.users.list", new Dictionary<string, string> { ["usergroup"] = userGroup }, cancellationToken).ConfigureAwait(false);
        return [.. doc.RootElement.GetProperty("users").EnumerateArray().Select(u => new SlackUserId(u.GetString() ?? ""))];
    }

    public async Task<string> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        using var doc = await JsonAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken).ConfigureAwait(false);
        return Str(doc.RootElement.GetProperty("view"), "id");
    }

    public async Task UpdateViewAsync(string viewId, JsonObject view, CancellationToken cancellationToken)
    {
        using var doc = await JsonAsync("views.update", new JsonObject { ["view_id"] = viewId, ["view"] = view }, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject MessageBody(SlackMessage message)
    {
        var body = new JsonObject { ["channel"] = message.Channel.Value, ["text"] = SlackText.Fit(message.Text, SlackLimits.MessageText) };
        if (message.Blocks is not null)
        {
            body["blocks"] = message.Blocks.DeepClone();
        }

        if (message.ThreadTs is not null)
        {
            body["thread_ts"] = message.ThreadTs;
        }

        if (message.Metadata is not null)
        {
            body["metadata"] = message.Metadata.DeepClone();
        }

        if (message.LinkNames)
        {
            body["link_names"] = true;
        }

        return body;
    }

    private Task<JsonDocument> JsonAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        return CallAsync(method, () => new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
    }

    private Task<JsonDocument> FormAsync(string method, Dictionary<string, string> form, CancellationToken cancellationToken) =>
        CallAsync(method, () => new FormUrlEncodedContent(form), cancellationToken);

    private async Task<JsonDocument> CallAsync(string method, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var response = await SendAsync(
            method,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content() };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return request;
            },
            !NotSafeToRepeat.Contains(method),
            cancellationToken).ConfigureAwait(false);
        using (response)
        {

            JsonDocument doc;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    doc = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException)
            {
                throw new SlackApiException(method, $"invalid_response_http_{(int)response.StatusCode}");
            }

            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
            {
                var error = root.ValueKind == JsonValueKind.Object ? OptStr(root, "error") ?? "unknown_error" : "invalid_response";
                doc.Dispose();
                LogSlackError(method, error);
                throw new SlackApiException(method, error);
            }

            return doc;
        }
    }

    /// <summary>
    /// One call through the "slack" pipeline. A transport failure, or a 429 / 5xx still there after the retries, ends as a
    /// transient <see cref="SlackApiException"/>; any other answer is the caller's to read and dispose.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(string call, Func<HttpRequestMessage> request, bool safeToRepeat, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SlackResilience.SafeToRepeat, safeToRepeat);
        try
        {
            response = await pipeline.ExecuteAsync(
                async ctx =>
                {
                    using var message = request();
                    return await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            LogTransportFailure(call, ex.GetType().Name);
            throw new SlackApiException(call, ex is TimeoutRejectedException ? "timeout" : "network_error", isTransient: true);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
        {
            response.Dispose();
            LogGaveUp(call, status);
            throw new SlackApiException(call, status == 429 ? "ratelimited" : $"http_{status}", isTransient: true);
        }

        return response;
    }

    private static SlackChannel ReadChannel(JsonElement c) => new(
        Str(c, "id"),
        OptStr(c, "name") ?? "",
        OptStr(c, "creator"),
        c.TryGetProperty("is_private", out var p) && p.ValueKind == JsonValueKind.True,
        c.TryGetProperty("is_archived", out var a) && a.ValueKind == JsonValueKind.True);

    private static List<SlackHistoryMessage> ReadMessages(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return messages.EnumerateArray().Select(m => new SlackHistoryMessage(
            Str(m, "ts"),
            OptStr(m, "user"),
            OptStr(m, "bot_id"),
            OptStr(m, "text") ?? "",
            OptStr(m, "thread_ts"),
            m.TryGetProperty("metadata", out var meta) ? meta.Clone() : null)).ToList();
    }

    private static string Str(JsonElement e, string name) =>
        OptStr(e, name) ?? throw new SlackApiException("response", $"missing_field_{name}");

    private static string? OptStr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered error {Error}")]
    private partial void LogSlackError(string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} still answered HTTP {Status} after retries")]
    private partial void LogGaveUp(string method, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} could not be reached ({Failure}) after retries")]
    private partial void LogTransportFailure(string method, string failure);
}
