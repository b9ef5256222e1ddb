using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// <see cref="ISlackApi"/> over HTTP: Bearer auth, JSON bodies for write methods, form bodies for reads, each a record of
/// <see cref="SlackWireContext"/>; <c>ok:false</c> turned into <see cref="SlackApiException"/>, and the "slack"
/// resilience pipeline around each call. The methods are grouped by area in the other parts of this class.
/// </summary>
public sealed partial class SlackApiClient : ISlackApi
{
    public const string PipelineName = "slack";

    /// <summary>Writes that would be done twice if repeated after Slack did them but the answer was lost.</summary>
    private static readonly HashSet<string> NotSafeToRepeat = new(StringComparer.Ordinal)
    {
        "chat.postMessage", "chat.postEphemeral", "conversations.create", "bookmarks.add", "views.open",
    };

    private static readonly SlackWireContext Wire = SlackWireContext.Default;

    private readonly HttpClient http;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly ILogger<SlackApiClient> logger;
    private readonly string token;
    private readonly SlackTokenState tokenState;

    public SlackApiClient(HttpClient http, IOptions<SlackOptions> options, ResiliencePipelineProvider<string> pipelines, SlackTokenState tokenState, ILogger<SlackApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipelines);
        this.http = http;
        this.logger = logger;
        this.tokenState = tokenState;
        token = options.Value.BotToken;
        var baseUrl = options.Value.ApiBaseUrl.ToString();
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        pipeline = pipelines.GetPipeline<HttpResponseMessage>(PipelineName);
    }

    /// <summary>A write method: <paramref name="request"/> as the JSON body.</summary>
    private Task<TResponse> JsonAsync<TRequest, TResponse>(string method, TRequest request, JsonTypeInfo<TRequest> body, JsonTypeInfo<TResponse> answer, CancellationToken cancellationToken)
        where TResponse : SlackResponse
    {
        var json = JsonSerializer.Serialize(request, body);
        return CallAsync(method, () => new StringContent(json, Encoding.UTF8, "application/json"), answer, cancellationToken);
    }

    /// <summary>A read method: <paramref name="request"/>'s properties, by their wire names, as the form fields.</summary>
    private Task<TResponse> FormAsync<TRequest, TResponse>(string method, TRequest request, JsonTypeInfo<TRequest> body, JsonTypeInfo<TResponse> answer, CancellationToken cancellationToken)
        where TResponse : SlackResponse
    {
        var fields = JsonSerializer.SerializeToElement(request, body).EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()))
            .ToList();
        return CallAsync(method, () => new FormUrlEncodedContent(fields), answer, cancellationToken);
    }

    private async Task<TResponse> CallAsync<TResponse>(string method, Func<HttpContent> content, JsonTypeInfo<TResponse> answer, CancellationToken cancellationToken)
        where TResponse : SlackResponse
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
            TResponse? body;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    body = await JsonSerializer.DeserializeAsync(stream, answer, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException)
            {
                throw new SlackApiException(method, $"invalid_response_http_{(int)response.StatusCode}");
            }

            if (body is not { Ok: true })
            {
                var error = body is null ? "invalid_response" : body.Error ?? "unknown_error";
                var refused = new SlackApiException(method, error);
                if (refused.IsTokenRefused)
                {
                    // Said once, by the token's state, not once per call.
                    tokenState.Refused(method, error, body?.Needed);
                }
                else
                {
                    LogSlackError(method, error);
                }

                throw refused;
            }

            return body;
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
        context.Properties.Set(SlackResilience.Method, call);
        try
        {
            response = await pipeline.ExecuteAsync(
                async ctx =>
                {
                    using var message = request();
                    var answer = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                    ctx.Properties.Set(SlackResilience.AnsweredError, await AnsweredErrorAsync(answer, ctx.CancellationToken).ConfigureAwait(false));
                    return answer;
                },
                context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            var failure = ex is TimeoutRejectedException ? "timeout" : "network_error";
            LogTransportFailure(call, failure);
            throw new SlackApiException(call, failure, isTransient: true);
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

    /// <summary>Slack's error in a 200 answer, so the pipeline can retry Slack's own trouble (<see cref="SlackErrors.Transient"/>) as it does a 5xx.</summary>
    private static async Task<string?> AnsweredErrorAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        if (answer.StatusCode != HttpStatusCode.OK || answer.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        // Already read into memory (ResponseContentRead): this copies a small buffer, and the caller reads it again.
        return SlackErrors.InAnswer(await answer.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A field the bot cannot do without; Slack leaving it out is an error of the call, not a null.</summary>
    private static T Required<T>(T? value, string name)
        where T : class =>
        value ?? throw new SlackApiException("response", $"missing_field_{name}");

    // Debug: the caller decides whether an error matters (already_in_channel does not); the outbox says so once,
    // with the incident and its kind, when a message is retried later or fails for good.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {Method} answered error {Error}")]
    private partial void LogSlackError(string method, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {Method} still answered HTTP {Status} after retries")]
    private partial void LogGaveUp(string method, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {Method} could not be reached ({Failure}) after retries")]
    private partial void LogTransportFailure(string method, string failure);
}
