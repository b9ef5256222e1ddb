namespace IncidentBot.Outbox;

/// <summary>
/// An outbox step outside Slack (a webhook receiver, a pager service) failed: <see cref="IsTransient"/> when a later try
/// may succeed (no answer, 408, 429, 5xx), otherwise for good (a 4xx, or the target is no longer configured).
/// </summary>
public sealed class OutboundException : Exception
{
    public OutboundException(string target, string error, bool isTransient)
        : base($"{target} failed: {error}")
    {
        Target = target;
        Error = error;
        IsTransient = isTransient;
    }

    public OutboundException()
        : this("unknown", "unknown", isTransient: true)
    {
    }

    public OutboundException(string message)
        : this("unknown", message, isTransient: true)
    {
    }

    public OutboundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Target = "unknown";
        Error = message;
        IsTransient = true;
    }

    /// <summary>What was called, e.g. <c>webhook 2</c> or <c>pager payments</c>; never a URL with secrets in it.</summary>
    public string Target { get; }

    /// <summary>e.g. <c>http_500</c>, <c>timeout</c>, <c>webhook_not_configured</c>.</summary>
    public string Error { get; }

    public bool IsTransient { get; }

    /// <summary>Sends <paramref name="request"/>; a 2xx answer is success, anything else throws, transient or not.</summary>
    public static async Task SendAsync(HttpClient http, HttpRequestMessage request, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new OutboundException(target, "unreachable: " + ex.HttpRequestError, isTransient: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OutboundException(target, "timeout", isTransient: true);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return;
            }

            throw new OutboundException(target, $"http_{status}", isTransient: status is 408 or 429 or >= 500);
        }
    }
}
