using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.StatusPages;

/// <summary>Post <paramref name="Message"/>, a status-page draft, to the status-page channel; in the war room when none is set or for a drill.</summary>
public sealed record PostStatusPage(RenderedMessage Message) : IOutboxPayload
{
    public static string Kind => "PostStatusPage";
}
