using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IncidentBot.Incidents;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Slack;

/// <summary>
/// Turning text into Slack mrkdwn safely. User text is escaped (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>) so that
/// <c>&lt;!channel&gt;</c> or a crafted link can never be injected; user and channel mentions that Slack itself
/// produced (<c>&lt;@U123|ann&gt;</c>, <c>&lt;#C123|ops&gt;</c>) stay live.
/// </summary>
public static partial class SlackText
{
    private static readonly InstantPattern Fallback = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm 'UTC'");

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match m in Mention().Matches(text))
        {
            result.Append(EscapePlain(text[last..m.Index])).Append(m.Value);
            last = m.Index + m.Length;
        }

        return result.Append(EscapePlain(text[last..])).ToString();
    }

    /// <summary>
    /// Makes escaped user text safe in a message posted with <c>link_names</c>, where Slack would turn a plain
    /// <c>@here</c>, <c>@channel</c>, <c>@everyone</c> or <c>@group-handle</c> into a live mention: a word joiner after
    /// each <c>@</c> outside Slack's own mentions keeps it looking the same and linking nothing.
    /// </summary>
    public static string Defuse(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        return PlainAt().Replace(escaped, "@\u2060");
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, visibly (ending in "…").</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>A time every reader sees in their own zone: <c>&lt;!date^…^{date_short_pretty} {time}|fallback&gt;</c>.</summary>
    public static string Date(Instant at) =>
        string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|{Fallback.Format(at)}>");

    /// <summary>A duration as people say it: <c>2h 05m</c>, <c>12m</c>, <c>3d 4h</c>.</summary>
    public static string Duration(Duration duration)
    {
        if (duration < NodaTime.Duration.Zero)
        {
            duration = NodaTime.Duration.Zero;
        }

        return duration switch
        {
            { Days: > 0 } d => string.Create(CultureInfo.InvariantCulture, $"{d.Days}d {d.Hours}h"),
            { Hours: > 0 } d => string.Create(CultureInfo.InvariantCulture, $"{d.Hours}h {d.Minutes:00}m"),
            var d => string.Create(CultureInfo.InvariantCulture, $"{d.Minutes}m"),
        };
    }

    public static string User(string userId) => $"<@{userId}>";

    public static string Channel(string channelId) => $"<#{channelId}>";

    /// <summary>Slack's mention of an id: <c>&lt;@U…&gt;</c>, <c>&lt;#C…&gt;</c> or <c>&lt;!subteam^S…&gt;</c>; a group's handle stays as typed.</summary>
    public static string Mention(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target switch
        {
            ['C' or 'G', ..] => Channel(target),
            ['S', ..] => $"<!subteam^{target}>",
            ['@', ..] => target,
            _ when TimelineParty.Target(target).Kind == TimelinePartyKind.Schedule => TimelineParty.ScheduleName(target, id => $"`{id}`"),
            _ => User(target),
        };
    }

    private static string EscapePlain(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>An <c>@</c> that does not open one of Slack's mentions (<c>&lt;@U…&gt;</c>): escaped text has no other <c>&lt;</c>.</summary>
    [GeneratedRegex(@"(?<!<)@", RegexOptions.CultureInvariant)]
    private static partial Regex PlainAt();

    [GeneratedRegex(@"<[@#][UWC][A-Z0-9]{2,}(\|[^<>&]{0,80})?>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
