using IncidentBot.Slack;

namespace IncidentBot.Escalation;

/// <summary>One responder target as it was looked up: how it is named in the war room, and the people it stands for now.</summary>
public sealed record ReachedTarget(string Target, string Label, IReadOnlyList<SlackUserId> Users);
