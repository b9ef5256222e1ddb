namespace IncidentBot.Slack;

/// <summary>A Slack conversation id (C…, G…, D…).</summary>
public readonly record struct SlackChannelId(string Value)
{
    public override string ToString() => Value;
}
