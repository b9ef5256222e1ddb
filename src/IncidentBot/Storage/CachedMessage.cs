using IncidentBot.Slack;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>
/// A war-room message as the bot saw it go by (Events API <c>message</c> events), so a scribe reaction finds its text
/// without a rate-limited history call. <see cref="Key"/> is channel and ts.
/// </summary>
public sealed class CachedMessage
{
    public string Key { get; set; } = "";

    public SlackChannelId Channel { get; set; }

    public string Ts { get; set; } = "";

    public string? ThreadTs { get; set; }

    /// <summary>The author; null for bot and webhook messages.</summary>
    public SlackUserId? User { get; set; }

    public string Text { get; set; } = "";

    public Instant SeenAt { get; set; }

    public static string KeyOf(SlackChannelId channel, string ts) => $"{channel.Value}:{ts}";
}
