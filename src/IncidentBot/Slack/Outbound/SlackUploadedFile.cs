namespace IncidentBot.Slack.Outbound;

/// <summary>An uploaded file to share with files.completeUploadExternal, and the title Slack shows for it.</summary>
public sealed record SlackUploadedFile(string Id, string Title);
