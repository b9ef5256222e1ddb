using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Shortcuts;

/// <summary>
/// The message a shortcut was used on, carried through a form's private metadata (at most 3,000 characters, so the
/// text is cut to the timeline's limit); the text goes last, as it may hold the separator.
/// </summary>
public sealed record QuotedMessage(string Channel, string Ts, string? Author, string Text)
{
    private const char Separator = '|';

    public static QuotedMessage Of(MessageShortcutPayload shortcut)
    {
        ArgumentNullException.ThrowIfNull(shortcut);
        return new(shortcut.ChannelId.Value, shortcut.MessageTs, shortcut.Author?.Value, SlackText.Truncate(shortcut.Text, TemplateModels.TextMax));
    }

    /// <summary>The author as a responder, when a person wrote it.</summary>
    public ResponderId? AuthorId => Author is { Length: > 0 } author ? new ResponderId(author) : null;

    public string ToMetadata() => string.Join(Separator, Channel, Ts, Author ?? "", Text);

    /// <summary>Null when <paramref name="metadata"/> is not one of ours.</summary>
    public static QuotedMessage? Parse(string metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var parts = metadata.Split(Separator, 4);
        return parts is [{ Length: > 0 } channel, { Length: > 0 } ts, var author, var text]
            ? new QuotedMessage(channel, ts, author.Length == 0 ? null : author, text)
            : null;
    }
}
