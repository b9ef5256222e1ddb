namespace IncidentBot.Postmortems;

/// <summary>A Markdown document shared as a Slack file: its file name, the title Slack shows, and the message that goes with it.</summary>
public sealed record SharedFile(string FileName, string Title, string Comment);
