using IncidentBot.Slack;
using Scriban.Runtime;

namespace IncidentBot.Escalation;

/// <summary>The model of the war room's <c>responders</c> post: who was invited, for which target, and who could not be reached.</summary>
public static class RespondersMessage
{
    public const string TemplateName = "responders";

    /// <summary>How many people of one target are named before the rest are counted.</summary>
    private const int NamedPerTarget = 30;

    public static ScriptObject Model(string incident, string reason, ResponderReach reach, IReadOnlyList<string> refused)
    {
        ArgumentNullException.ThrowIfNull(reach);
        ArgumentNullException.ThrowIfNull(refused);
        var reached = new ScriptArray();
        foreach (var target in reach.Reached.Where(r => r.Users.Count > 0))
        {
            var named = string.Join(", ", target.Users.Take(NamedPerTarget).Select(u => SlackText.User(u.Value)));
            var more = target.Users.Count > NamedPerTarget ? $" and {target.Users.Count - NamedPerTarget} more" : "";
            reached.Add(new ScriptObject { ["label"] = target.Label, ["count"] = target.Users.Count, ["people"] = named + more });
        }

        return new ScriptObject
        {
            ["incident"] = incident,
            ["reason"] = SlackText.Escape(reason),
            ["invited"] = reach.Users.Count,
            ["reached"] = reached,
            ["unreached"] = new ScriptArray(reach.Unreached.Concat(refused)),
        };
    }

    public static ScriptObject Sample() => Model(
        "INC-7",
        "SEV-1 responders",
        new ResponderReach(
            [new("S0ONCALL", "@oncall", [new("U0ANN"), new("U0BOB")]), new("pagerduty:PABC123", "PagerDuty on-call `PABC123`", [new("U0CID")])],
            ["Opsgenie on-call `ops`: the on-call lookup failed (`http_500`)"]),
        ["<@U0DEE>: Slack said `user_is_restricted`"]);
}
