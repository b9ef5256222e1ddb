using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Alerts;

/// <summary>Shared-token checks that leak neither the token's content nor its length through timing.</summary>
internal static class AlertTokens
{
    private const string BearerPrefix = "Bearer ";

    public static bool Bearer(string? authorization, string token) =>
        authorization is not null
        && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
        && Same(authorization[BearerPrefix.Length..].Trim(), token);

    /// <summary>Compares hashes, so both sides are the same length whatever was offered.</summary>
    public static bool Same(string offered, string token) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(offered)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
