using System.Text;
using System.Text.RegularExpressions;
using IncidentBot.Incidents;
using IncidentBot.People;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Postmortems;

/// <summary>
/// Text for the Markdown post-mortem, which is read in a wiki, not in Slack. Slack's own markup (<c>&lt;@U123|ann&gt;</c>,
/// <c>&lt;https://…|label&gt;</c>, <c>&lt;!here&gt;</c>) becomes readable text; any other angle bracket is made inert, so user
/// text cannot smuggle HTML into the wiki; line breaks become <c>&lt;br&gt;</c>, so text stays on its line or table row.
/// Slack's entities (<c>&amp;lt;</c>) are left alone: Markdown shows them as the characters they stand for.
/// </summary>
public static partial class MarkdownText
{
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm 'UTC'");

    /// <summary>A time every reader can place, as Markdown has no per-reader time zones: <c>2026-11-24 03:12 UTC</c>.</summary>
    public static string Time(Instant at) => Utc.Format(at);

    /// <summary>A person by their handle, <c>@alice</c>; by their id when the handle was not found.</summary>
    public static string User(ResponderId who, PersonNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return "@" + Inert(names.Of(who.Value));
    }

    /// <summary>Someone or something the timeline names: a person by their handle, a channel as <c>#C…</c>, a group or pager by its name.</summary>
    public static string Party(TimelineParty party, PersonNames names)
    {
        ArgumentNullException.ThrowIfNull(party);
        var named = party.Kind switch
        {
            TimelinePartyKind.Person => User(new ResponderId(party.Id), names),
            TimelinePartyKind.Channel => "#" + Inert(party.Id),
            TimelinePartyKind.Pager => "pager " + Inert(party.Id),
            TimelinePartyKind.Schedule => Inert(TimelineParty.ScheduleName(party.Id)),
            _ => Inert(party.Id),
        };
        return named.Replace("|", "\\|", StringComparison.Ordinal);
    }

    /// <summary>User or Slack text as one line of Markdown prose; mentions without a name show the user's id.</summary>
    public static string Inline(string text) => Inline(text, PersonNames.None);

    /// <summary>User or Slack text as one line of Markdown prose, with mentions by the handles in <paramref name="names"/>.</summary>
    public static string Inline(string text, PersonNames names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        var result = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match token in SlackToken().Matches(text))
        {
            result.Append(Inert(text[last..token.Index])).Append(Readable(token.Groups[1].Value, names));
            last = token.Index + token.Length;
        }

        result.Append(Inert(text[last..]));
        return LineBreak().Replace(result.ToString().Trim(), "<br>");
    }

    /// <summary>User or Slack text for a Markdown table cell: one line, and <c>|</c> escaped so it cannot add a column.</summary>
    public static string Cell(string text) => Cell(text, PersonNames.None);

    /// <summary>As <see cref="Cell(string)"/>, with mentions by the handles in <paramref name="names"/>.</summary>
    public static string Cell(string text, PersonNames names) => Inline(text, names).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Readable(string inner, PersonNames names)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var (target, label) = bar < 0 ? (inner, null) : (inner[..bar], inner[(bar + 1)..]);
        return target switch
        {
            ['@', ..] => "@" + Inert(label ?? names.Of(target[1..])),
            ['#', ..] => "#" + Inert(label ?? target[1..]),
            ['!', ..] when label is not null => Inert(label),
            ['!', ..] => "@" + Inert(target[1..].Split('^')[0]),
            _ when label is not null => $"[{Inert(label)}]({target})",
            _ => target,
        };
    }

    private static string Inert(string text) =>
        text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Slack's markup: a user, channel, special mention or link in angle brackets, as Slack itself writes them. Only a
    /// special one may hold spaces: a date token's format does (<c>&lt;!date^…^{date_short_pretty} {time}|…&gt;</c>).
    /// </summary>
    [GeneratedRegex(@"<((?:[@#][^<>\s|]+|![^<>|]+|(?:https?|mailto):[^<>\s|]+)(?:\|[^<>]*)?)>", RegexOptions.CultureInvariant)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"\s*(\r\n|\r|\n)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();
}
