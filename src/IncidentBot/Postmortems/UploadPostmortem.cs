using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.Postmortems;

/// <summary>
/// Share the post-mortem draft in the war room as a Markdown file: asked for by <paramref name="RequestedBy"/>, or, with
/// no one, on resolve when the severity requires a post-mortem (see <see cref="PostmortemUpload"/>).
/// </summary>
public sealed record UploadPostmortem(SlackUserId? RequestedBy) : IOutboxPayload
{
    public static string Kind => "UploadPostmortem";
}
