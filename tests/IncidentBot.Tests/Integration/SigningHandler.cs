using System.Globalization;
using System.Text;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Tests.Integration;

/// <summary>Signs each request the way Slack does, so tests call the bot exactly as Slack would.</summary>
internal sealed class SigningHandler(string secret, Func<long>? unixNow = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var timestamp = (unixNow?.Invoke() ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, Encoding.ASCII.GetString(SlackSignatureVerifier.Compute(secret, timestamp, body)));
        return await base.SendAsync(request, cancellationToken);
    }
}
