using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Webhooks;

/// <summary>
/// The signature receivers verify: <c>v1=</c> and the lowercase hex HMAC-SHA256, keyed with the receiver's secret, of
/// <c>{X-IncidentBot-Timestamp}.{raw body}</c>. The timestamp lets a receiver refuse replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-IncidentBot-Signature";
    public const string TimestampHeader = "X-IncidentBot-Timestamp";
    public const string EventIdHeader = "X-IncidentBot-Event-Id";
    public const string EventTypeHeader = "X-IncidentBot-Event";

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does, in constant time; here for the tests and as a reference.</summary>
    public static bool Verify(string secret, long timestamp, string body, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
    }
}
