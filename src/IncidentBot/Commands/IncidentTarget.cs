using IncidentBot.Incidents;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

/// <summary>The incident a command is about and the words left after its id, or the answer to give instead.</summary>
public sealed record IncidentTarget(Incident? Incident, string Arguments, SlackReply? Problem);
