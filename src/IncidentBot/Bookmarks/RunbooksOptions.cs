namespace IncidentBot.Bookmarks;

/// <summary>
/// <c>Incidents:Runbooks</c>: runbooks bookmarked in the war room, keyed by a severity's name or alias (every incident of
/// it), <c>*</c> (every incident), or a service's name (every incident whose title names it as a word, as in
/// "Payments API returns 500s" for <c>payments</c>). Default none.
/// </summary>
public sealed class RunbooksOptions
{
    public const string Section = "Incidents:Runbooks";

    public Dictionary<string, List<RunbookOptions>> Runbooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
