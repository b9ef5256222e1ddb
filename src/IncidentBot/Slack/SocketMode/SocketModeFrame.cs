using System.Text.Json;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// One message Slack sends over a Socket Mode WebSocket: <c>hello</c>, <c>disconnect</c> (with its
/// <see cref="Reason"/>), or an envelope (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>) whose
/// <see cref="EnvelopeId"/> the bot acknowledges and whose <see cref="Payload"/> is what HTTP would have posted.
/// </summary>
public sealed record SocketModeFrame(
    string Type,
    string? EnvelopeId,
    JsonElement Payload,
    bool AcceptsResponsePayload,
    int RetryAttempt,
    string? RetryReason,
    string? Reason)
{
    public bool IsEnvelope => !string.IsNullOrEmpty(EnvelopeId);

    /// <summary>Reads one text message; throws <see cref="JsonException"/> when it is not a JSON object with a type.</summary>
    public static SocketModeFrame Parse(ReadOnlyMemory<byte> utf8)
    {
        var fields = JsonSerializer.Deserialize(utf8.Span, SlackInboundContext.Default.SocketModeFrameFields)
            ?? throw new JsonException("a Socket Mode frame is a JSON object");
        return new SocketModeFrame(
            string.IsNullOrEmpty(fields.Type) ? throw new JsonException("'type' is missing") : fields.Type,
            fields.EnvelopeId,
            fields.Payload ?? default,
            fields.AcceptsResponsePayload,
            fields.RetryAttempt ?? 0,
            fields.RetryReason,
            fields.Reason);
    }

    /// <summary>
    /// The top-level <c>envelope_id</c> of a message <see cref="Parse"/> refused (nested past the parser's depth, a
    /// field of the wrong type), so it can still be acknowledged; null when there is none to find.
    /// </summary>
    public static string? EnvelopeIdOf(ReadOnlySpan<byte> utf8)
    {
        // The frame is at most 1 MiB, which bounds how deep the reader can be asked to go.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 1 << 20 });
        try
        {
            while (reader.Read())
            {
                if (reader is { TokenType: JsonTokenType.PropertyName, CurrentDepth: 1 } && reader.ValueTextEquals("envelope_id"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Cut short or not text before the id: nothing to acknowledge.
        }

        return null;
    }
}
