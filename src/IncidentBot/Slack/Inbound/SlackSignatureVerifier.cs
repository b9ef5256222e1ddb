using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Checks Slack's request signature: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c>
/// with the signing secret, compared in constant time, and refuses timestamps outside the tolerance.
/// </summary>
public sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, IClock clock)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    private const string Version = "v0";

    /// <summary>
    /// What the headers alone decide, before the body is read: both present, the timestamp a whole number of seconds
    /// within the tolerance of now (any such number, however large, is a verdict, never an error).
    /// </summary>
    public SignatureCheck CheckHeaders(string? timestamp, string? signature)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MissingHeaders;
        }

        // In whole seconds, so a timestamp beyond the calendar's range is merely far from now.
        var now = clock.GetCurrentInstant().ToUnixTimeSeconds();
        var tolerance = (long)Math.Ceiling(options.Value.SignatureTolerance.TotalSeconds);
        return seconds > now + tolerance || seconds < now - tolerance ? SignatureCheck.StaleTimestamp : SignatureCheck.Valid;
    }

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var headers = CheckHeaders(timestamp, signature);
        if (headers != SignatureCheck.Valid)
        {
            return headers;
        }

        var expected = Compute(options.Value.SigningSecret, timestamp!, body);
        var given = Encoding.ASCII.GetBytes(signature!);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The signature Slack would send for this body, as ASCII bytes of <c>v0=…</c>.</summary>
    public static byte[] Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var baseString = new byte[prefix.Length + body.Length];
        prefix.CopyTo(baseString, 0);
        body.CopyTo(baseString.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), baseString);
        return Encoding.ASCII.GetBytes(Version + "=" + Convert.ToHexStringLower(hash));
    }
}
