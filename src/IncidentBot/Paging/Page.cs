using IncidentBot.Storage;

namespace IncidentBot.Paging;

/// <summary>Trigger the pager service <paramref name="Service"/> for the incident.</summary>
public sealed record Page(string Service) : IOutboxPayload
{
    public static string Kind => "Page";

    public static bool NeedsWarRoom => false;
}
