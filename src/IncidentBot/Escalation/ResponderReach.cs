using IncidentBot.Slack;

namespace IncidentBot.Escalation;

/// <summary>What looking up responder targets found: the people of each target, and who or what could not be reached, and why.</summary>
public sealed record ResponderReach(IReadOnlyList<ReachedTarget> Reached, IReadOnlyList<string> Unreached)
{
    /// <summary>Everyone found, each once, in the order the targets named them.</summary>
    public IReadOnlyList<SlackUserId> Users => [.. Reached.SelectMany(r => r.Users).Distinct()];
}
