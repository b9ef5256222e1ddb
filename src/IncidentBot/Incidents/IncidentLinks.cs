namespace IncidentBot.Incidents;

/// <summary>Links configured as patterns (<see cref="IncidentsOptions.CallUrl"/>, runbooks), filled in for one incident.</summary>
public static class IncidentLinks
{
    /// <summary>
    /// <paramref name="pattern"/> with <c>{id}</c> (<c>INC-7</c>) and <c>{channel}</c> (the war room's name) filled in,
    /// escaped for a URL; null when the pattern is empty or does not make an absolute http(s) address.
    /// </summary>
    public static Uri? Fill(string? pattern, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return null;
        }

        var filled = pattern.Trim()
            .Replace("{id}", Uri.EscapeDataString(incident.Id.ToString()), StringComparison.OrdinalIgnoreCase)
            .Replace("{channel}", Uri.EscapeDataString(incident.WarRoom.Name ?? incident.WarRoom.PlannedName), StringComparison.OrdinalIgnoreCase);
        return IsHttp(filled, out var url) ? url : null;
    }

    /// <summary>Whether <paramref name="pattern"/>, filled in, is an absolute http(s) address (the start-up check).</summary>
    public static bool IsValidPattern(string pattern) =>
        IsHttp((pattern ?? "").Trim().Replace("{id}", "INC-1", StringComparison.OrdinalIgnoreCase).Replace("{channel}", "inc-1", StringComparison.OrdinalIgnoreCase), out _);

    private static bool IsHttp(string text, out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
