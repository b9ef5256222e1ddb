using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// The response_url of a click or a command: Slack shows what is posted there to the person who clicked or typed, in
/// that channel, whether or not they are a member (chat.postEphemeral refuses a non-member with
/// <c>user_not_in_channel</c>). Slack takes up to 5 posts within 30 minutes of the interaction.
/// </summary>
public sealed partial class SlackApiClient
{
    private const string ResponseCall = "response_url";

    public async Task RespondEphemeralAsync(Uri responseUrl, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        if (!IsSlackResponseUrl(responseUrl))
        {
            // The address came in a signed payload; still, the bot posts only where Slack takes responses.
            throw new SlackApiException(ResponseCall, "invalid_response_url");
        }

        // Not replacing the clicked message: a new message only the clicker sees.
        var body = new JsonObject { ["response_type"] = "ephemeral", ["replace_original"] = false, ["text"] = SlackText.Truncate(text, SlackLimits.MessageText) }.ToJsonString();
        var response = await SendAsync(
            ResponseCall,
            () =>
            {
                // The address carries its own authorisation; the bot token stays with slack.com.
                var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = new StringContent(body, Encoding.UTF8) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return request;
            },
            safeToRepeat: false,
            cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // Slack answers an expired or used-up address with a 404 and a word (expired_url, used_url).
                var error = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim().Trim('"');
                var code = error.Length is > 0 and <= 40 && error.All(c => char.IsAsciiLetterLower(c) || c == '_') ? error : $"http_{(int)response.StatusCode}";
                LogSlackError(ResponseCall, code);
                throw new SlackApiException(ResponseCall, code);
            }
        }
    }

    /// <summary>Slack's hooks host over HTTPS, or the host of <c>Slack:ApiBaseUrl</c> (an emulated Slack, the sandbox's or the tests').</summary>
    private bool IsSlackResponseUrl(Uri url) =>
        url.IsAbsoluteUri
        && ((url.Scheme == Uri.UriSchemeHttps && url.Host is "hooks.slack.com" or "hooks.slack-gov.com")
            || (http.BaseAddress is { } api && Uri.Compare(url, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0));
}
