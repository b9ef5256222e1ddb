using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using IncidentBot.Slack.Inbound;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.Fuzz;

/// <summary>Turns a <see cref="FuzzCase"/> into the HTTP request it names, signed (or not) as its headers say.</summary>
internal static class FuzzRequests
{
    public static HttpRequestMessage Build(FuzzCase fuzz, long unixNow)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, fuzz.Path) { Content = new ByteArrayContent(fuzz.Body) };
        if (fuzz.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var parsed))
        {
            request.Content.Headers.ContentType = parsed;
        }

        var now = unixNow.ToString(CultureInfo.InvariantCulture);
        switch (fuzz.Headers)
        {
            case FuzzHeaders.Signed:
                Sign(request, fuzz.Body, now);
                break;
            case FuzzHeaders.Unsigned:
                break;
            case FuzzHeaders.WrongSignature:
                Add(request, now, "v0=" + new string('0', 64));
                break;
            case FuzzHeaders.HugeTimestamp:
                Sign(request, fuzz.Body, "99999999999999");
                break;
            case FuzzHeaders.NegativeTimestamp:
                Sign(request, fuzz.Body, "-" + now);
                break;
            case FuzzHeaders.EmptyTimestamp:
                Add(request, "", Signature(fuzz.Body, now));
                break;
            case FuzzHeaders.StaleTimestamp:
                Sign(request, fuzz.Body, (unixNow - 3_600).ToString(CultureInfo.InvariantCulture));
                break;
            case FuzzHeaders.FutureTimestamp:
                Sign(request, fuzz.Body, (unixNow + 3_600).ToString(CultureInfo.InvariantCulture));
                break;
            case FuzzHeaders.NonAsciiSignature:
                Add(request, now, "v0=ünïcødé😀" + Signature(fuzz.Body, now)[3..]);
                break;
            case FuzzHeaders.HugeSignature:
                Add(request, now, "v0=" + new string('a', 20_000));
                break;
            case FuzzHeaders.TwoTimestamps:
                request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.TimestampHeader, [now, now]);
                request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.SignatureHeader, Signature(fuzz.Body, now));
                break;
            default:
                Sign(request, fuzz.Body, now);
                request.Headers.TryAddWithoutValidation("X-Slack-Retry-Num", "99999999999999999999");
                request.Headers.TryAddWithoutValidation("X-Slack-Retry-Reason", "\u00e9\u0001");
                break;
        }

        return request;
    }

    private static void Sign(HttpRequestMessage request, byte[] body, string timestamp) => Add(request, timestamp, Signature(body, timestamp));

    private static string Signature(byte[] body, string timestamp) =>
        Encoding.ASCII.GetString(SlackSignatureVerifier.Compute(BotHost.SigningSecret, timestamp, body));

    private static void Add(HttpRequestMessage request, string timestamp, string signature)
    {
        request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.SignatureHeader, signature);
    }
}
