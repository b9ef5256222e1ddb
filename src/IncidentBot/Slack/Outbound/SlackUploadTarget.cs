namespace IncidentBot.Slack.Outbound;

/// <summary>What files.getUploadURLExternal hands out: the file's id and the one-off address its bytes go to.</summary>
public sealed record SlackUploadTarget(Uri UploadUrl, string FileId);
