using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IncidentBot.Slack.Outbound;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c>: a fresh single-use WebSocket URL for Socket Mode. The one Web API call made with the
/// app-level token rather than the bot token, so it lives here and not on <see cref="ISlackApi"/>. It goes through the
/// same "slack" resilience pipeline: 429 waits out Retry-After, 5xx and timeouts back off.
/// </summary>
public sealed class AppsConnectionsClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, ResiliencePipelineProvider<string> pipelines)
{
    public const string Method = "apps.connections.open";

    /// <summary>The name of the <see cref="HttpClient"/> this client uses (no timeout of its own: the pipeline's applies).</summary>
    public const string HttpClientName = "slack-apps-connections";

    /// <summary>Asks Slack for a WebSocket URL; throws <see cref="SlackApiException"/> with Slack's error when it refuses.</summary>
    public async Task<Uri> OpenAsync(CancellationToken cancellationToken)
    {
        var slack = options.Value;
        var baseUrl = slack.ApiBaseUrl.ToString();
        var endpoint = new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), Method);
        var http = httpClients.CreateClient(HttpClientName);
        HttpResponseMessage response;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);

        // Named in the retry's log line, as every other Web API call is.
        context.Properties.Set(SlackResilience.Method, Method);
        try
        {
            response = await pipelines.GetPipeline<HttpResponseMessage>(SlackApiClient.PipelineName).ExecuteAsync(
                async ctx =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent([]) };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", slack.AppToken);
                    return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new SlackApiException(Method, ex is TimeoutRejectedException ? "timeout" : "network_error", isTransient: true);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                throw new SlackApiException(Method, response.StatusCode == HttpStatusCode.TooManyRequests ? "ratelimited" : $"http_{(int)response.StatusCode}", isTransient: true);
            }

            AppsConnectionsOpenResponse? answer;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    answer = await JsonSerializer.DeserializeAsync(stream, SlackWireContext.Default.AppsConnectionsOpenResponse, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException)
            {
                throw new SlackApiException(Method, $"invalid_response_http_{(int)response.StatusCode}");
            }

            if (answer is not { Ok: true })
            {
                throw new SlackApiException(Method, answer?.Error ?? "unknown_error");
            }

            return Uri.TryCreate(answer.Url, UriKind.Absolute, out var url) && url.Scheme is "wss" or "ws"
                ? url
                : throw new SlackApiException(Method, "invalid_response_url");
        }
    }
}
