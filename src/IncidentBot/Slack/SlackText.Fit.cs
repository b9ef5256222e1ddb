namespace IncidentBot.Slack;

public static partial class SlackText
{
    /// <summary>
    /// Cuts mrkdwn that is already escaped to at most <paramref name="max"/> characters as sent, visibly (ending in
    /// "…"), and never inside an entity (<c>&amp;amp;</c>), a Slack token (<c>&lt;@U123&gt;</c>, <c>&lt;!date…&gt;</c>)
    /// or a surrogate pair, so what is left still reads, and escaping can no longer push it past Slack's limit.
    /// </summary>
    public static string Fit(string mrkdwn, int max)
    {
        ArgumentNullException.ThrowIfNull(mrkdwn);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (mrkdwn.Length <= max)
        {
            return mrkdwn;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(mrkdwn[cut - 1]))
        {
            cut--;
        }

        var kept = mrkdwn.AsSpan(0, cut);
        var token = kept.LastIndexOf('<');
        if (token >= 0 && kept[token..].IndexOf('>') < 0)
        {
            cut = token;
        }

        // Escaping makes every '&' the start of an entity, at most "&amp;" long.
        var entity = mrkdwn.AsSpan(0, cut).LastIndexOf('&');
        if (entity >= 0 && mrkdwn.AsSpan(entity, cut - entity).IndexOf(';') < 0)
        {
            cut = entity;
        }

        return string.Concat(mrkdwn.AsSpan(0, cut), "…");
    }
}
