using System.Diagnostics;
using IncidentBot.Observability;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// Times each HTTP attempt of a Web API call (inside the retries) into <see cref="BotTelemetry"/>, by Slack method; the
/// file upload's one-off URL counts as <c>upload</c>, so no id ever becomes a label.
/// </summary>
public sealed class SlackCallTelemetry(BotTelemetry telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var last = request.RequestUri?.Segments is [.., var segment] ? segment : "";
        var method = last.Contains('.', StringComparison.Ordinal) ? last : "upload";
        var started = Stopwatch.GetTimestamp();
        var status = 0;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        finally
        {
            telemetry.SlackCalled(method, status, Stopwatch.GetElapsedTime(started));
        }
    }
}
