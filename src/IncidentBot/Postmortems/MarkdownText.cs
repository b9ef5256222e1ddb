using System.Text;
using System.Text.RegularExpressions;
using IncidentBot.Incidents;
using IncidentBot.People;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Postmortems;

/// <summary>
/// Text for the Markdown post-mortem, which is read in a wiki, not in Slack. Every piece of user text reaches the
/// Markdown through <see cref="Inline(string, PersonNames)"/> (or <see cref="Cell(string, PersonNames)"/>, which is it
/// with <c>|</c> escaped): Slack's own markup (<c>&lt;@U123|ann&gt;</c>, <c>&lt;https://…|label&gt;</c>, <c>&lt;!here&gt;</c>)
/// becomes readable text, and a Slack link to an <c>http(s)</c> or <c>mailto</c> address becomes the only kind of live
/// link, its label escaped and its address percent-encoded where Markdown would read it. Everything else is made inert:
/// angle brackets become entities (no HTML, no autolinks), and the punctuation that opens a link, an image or a code
/// span is backslash-escaped, as is a marker that would start a heading, list or fence; line breaks become
/// <c>&lt;br&gt;</c>, so text stays on its line or table row. Slack's entities (<c>&amp;lt;</c>) are left alone:
/// Markdown shows them as the characters they stand for, and a character from an entity is never syntax.
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
        return "@" + Escape(names.Of(who.Value));
    }

    /// <summary>Someone or something the timeline names: a person by their handle, a channel as <c>#C…</c>, a group or pager by its name.</summary>
    public static string Party(TimelineParty party, PersonNames names)
    {
        ArgumentNullException.ThrowIfNull(party);
        var named = party.Kind switch
        {
            TimelinePartyKind.Person => User(new ResponderId(party.Id), names),
            TimelinePartyKind.Channel => "#" + Escape(party.Id),
            TimelinePartyKind.Pager => "pager " + Escape(party.Id),
            TimelinePartyKind.Schedule => Escape(TimelineParty.ScheduleName(party.Id)),
            _ => Escape(party.Id),
        };
        return named.Replace("|", "\\|", StringComparison.Ordinal);
    }

    /// <summary>User or Slack text as one line of Markdown prose; mentions without a name show the user's id.</summary>
    public static string Inline(string text) => Inline(text, PersonNames.None);

    /// <summary>
    /// User or Slack text as one line of Markdown prose, with mentions by the handles in <paramref name="names"/>; it may
    /// start a line, so a leading marker (<c>#</c>, <c>-</c>, <c>1.</c>, <c>~~~</c>) is escaped and stays text.
    /// </summary>
    public static string Inline(string text, PersonNames names)
    {
        var line = Line(text, names);
        return BlockMarker().Replace(line, @"$1\$2", 1);
    }

    /// <summary>User or Slack text for a Markdown table cell: one line, and <c>|</c> escaped so it cannot add a column.</summary>
    public static string Cell(string text) => Cell(text, PersonNames.None);

    /// <summary>As <see cref="Cell(string)"/>, with mentions by the handles in <paramref name="names"/>.</summary>
    public static string Cell(string text, PersonNames names) => Line(text, names).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>
    /// The one escaping path: plain stretches escaped, Slack's tokens made readable, and the line breaks joined. A
    /// <c>!</c> just before a link is escaped too, or it would make the link an image.
    /// </summary>
    private static string Line(string text, PersonNames names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        var result = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match token in SlackToken().Matches(text))
        {
            var readable = Readable(token.Groups[1].Value, names);
            var plain = Escape(text[last..token.Index]);
            result.Append(plain.EndsWith('!') && readable.StartsWith('[') ? plain[..^1] + "\\!" : plain).Append(readable);
            last = token.Index + token.Length;
        }

        result.Append(Escape(text[last..]));
        return LineBreak().Replace(result.ToString().Trim(), "<br>");
    }

    private static string Readable(string inner, PersonNames names)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var (target, label) = bar < 0 ? (inner, null) : (inner[..bar], inner[(bar + 1)..]);
        return target switch
        {
            ['@', ..] => "@" + Escape(label ?? names.Of(target[1..])),
            ['#', ..] => "#" + Escape(label ?? target[1..]),
            ['!', ..] when label is not null => Escape(label),
            ['!', ..] => "@" + Escape(target[1..].Split('^')[0]),
            _ => Link(label ?? target, target),
        };
    }

    /// <summary>
    /// A live link labelled <paramref name="label"/> when <paramref name="address"/> is an <c>http(s)</c> or <c>mailto</c>
    /// address; any other address (<c>javascript:</c>, <c>data:</c>) leaves only the label, as text.
    /// </summary>
    public static string Link(string label, string address)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(address);
        return SafeScheme().IsMatch(address) ? $"[{Escape(label)}]({Address(address)})" : Escape(label);
    }

    /// <summary>Plain text that cannot open a link, an image, a code span or an HTML tag: see the class summary.</summary>
    private static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => result.Append("&lt;"),
                '>' => result.Append("&gt;"),
                '\\' or '[' or ']' or '`' => result.Append('\\').Append(c),
                _ => result.Append(c),
            };
        }

        return result.ToString();
    }

    /// <summary>
    /// An <c>http(s)</c> or <c>mailto</c> address (the only schemes <see cref="SlackToken"/> takes) as a link's
    /// destination: what could end it or escape out of it is percent-encoded, so the link points where Slack's did.
    /// </summary>
    private static string Address(string target)
    {
        var result = new StringBuilder(target.Length + 8);
        foreach (var c in target)
        {
            _ = c is '(' or ')' or '<' or '>' or '[' or ']' or '\\' or '`' or '"' or '\'' or '|' || char.IsWhiteSpace(c) || char.IsControl(c)
                ? result.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture))
                : result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// Slack's markup: a user, channel, special mention or link in angle brackets, as Slack itself writes them. Only a
    /// special one may hold spaces: a date token's format does (<c>&lt;!date^…^{date_short_pretty} {time}|…&gt;</c>).
    /// </summary>
    [GeneratedRegex(@"<((?:[@#][^<>\s|]+|![^<>|]+|(?:https?|mailto):[^<>\s|]+)(?:\|[^<>]*)?)>", RegexOptions.CultureInvariant)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"\s*(\r\n|\r|\n)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^(?:https?|mailto):", RegexOptions.CultureInvariant)]
    private static partial Regex SafeScheme();

    /// <summary>What would make a line a heading, list item, quote, rule or fence: the marker is group 2.</summary>
    [GeneratedRegex(@"^(\d{1,9})?((?(1)[.)]|[#+\-*=~_]))", RegexOptions.CultureInvariant)]
    private static partial Regex BlockMarker();
}
