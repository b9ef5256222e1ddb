using System.Collections.Frozen;

namespace IncidentBot.Slack.Outbound;

/// <summary>How the bot reads Slack's error codes in an HTTP 200 answer: which are worth another try, and which say the token itself is refused.</summary>
public static class SlackErrors
{
    /// <summary>Slack's own trouble, answered inside HTTP 200: retried like a 5xx.</summary>
    public static readonly FrozenSet<string> Transient =
        new[] { "ratelimited", "internal_error", "service_unavailable", "request_timeout", "fatal_error" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The bot token is refused (or lacks a scope): every call would fail the same way, so delivery pauses for every lane
    /// until <c>auth.test</c> succeeds again (<see cref="SlackTokenState"/>).
    /// </summary>
    public static readonly FrozenSet<string> TokenRefused =
        new[] { "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "missing_scope" }.ToFrozenSet(StringComparer.Ordinal);
}
