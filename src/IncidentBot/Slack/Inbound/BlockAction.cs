namespace IncidentBot.Slack.Inbound;

/// <summary>One clicked element of a block_actions payload: a button's value or a select's chosen option.</summary>
public sealed record BlockAction(string ActionId, string BlockId, string? Value);
