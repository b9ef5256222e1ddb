using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.Metrics;

/// <summary>
/// Share the monthly incident review of <paramref name="Month"/> (<c>yyyy-MM</c>) as a Markdown file in
/// <paramref name="Channel"/>, asked for by <paramref name="RequestedBy"/>; it belongs to no incident (see <see cref="ReviewUpload"/>).
/// </summary>
public sealed record UploadReview(string Month, SlackChannelId Channel, SlackUserId? RequestedBy) : IOutboxPayload
{
    public static string Kind => "UploadReview";

    public static bool NeedsWarRoom => false;
}
