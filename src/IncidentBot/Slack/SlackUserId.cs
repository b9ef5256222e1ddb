namespace IncidentBot.Slack;

/// <summary>A Slack user id (U…, W…).</summary>
public readonly record struct SlackUserId(string Value)
{
    public override string ToString() => Value;
}
