using IncidentBot.Storage;

namespace IncidentBot.Paging;

/// <summary>Resolve the incident at the pager service <paramref name="Service"/>.</summary>
public sealed record Unpage(string Service) : IOutboxPayload
{
    public static string Kind => "Unpage";

    public static bool NeedsWarRoom => false;
}
