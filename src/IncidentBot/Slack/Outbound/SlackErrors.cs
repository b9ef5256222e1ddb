using System.Collections.Frozen;
using System.Text.Json;

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

    /// <summary>
    /// Slack's error in an answer's body (<c>{"ok":false,"error":"…"}</c>), read without deserializing the rest: null when
    /// it says <c>ok:true</c>, has no error, or is no JSON object.
    /// </summary>
    public static string? InAnswer(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            bool? ok = null;
            string? error = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                if (name.SequenceEqual("ok"u8) && reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    ok = reader.GetBoolean();
                    if (ok == true)
                    {
                        return null;
                    }
                }
                else if (name.SequenceEqual("error"u8) && reader.TokenType == JsonTokenType.String)
                {
                    error = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }

                if (ok == false && error is not null)
                {
                    return error;
                }
            }

            return ok == false ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
