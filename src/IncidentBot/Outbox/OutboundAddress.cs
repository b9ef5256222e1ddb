namespace IncidentBot.Outbox;

/// <summary>What an outbound step (a pager, a webhook) may be configured to call: an absolute http(s) address.</summary>
public static class OutboundAddress
{
    public static bool IsHttp(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
