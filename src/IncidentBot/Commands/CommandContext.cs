using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using NodaTime;

namespace IncidentBot.Commands;

/// <summary>One parsed <c>/incident</c> command: the verb, the words after it, who asked, where and when.</summary>
public sealed record CommandContext(SlashCommand Command, string Verb, string Arguments, Instant Now)
{
    public ResponderId User => new(Command.UserId.Value);

    public SlackChannelId Channel => Command.ChannelId;

    /// <summary>Set once the command's outcome is in the audit log (stored with the change it made, where there was one).</summary>
    public bool Audited { get; set; }
}
