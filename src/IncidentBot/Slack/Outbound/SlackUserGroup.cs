namespace IncidentBot.Slack.Outbound;

/// <summary>A user group as usergroups.list names it: its id (<c>S…</c>) and its handle, without the <c>@</c>.</summary>
public sealed record SlackUserGroup(string Id, string Handle);
