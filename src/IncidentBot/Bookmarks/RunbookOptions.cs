namespace IncidentBot.Bookmarks;

/// <summary>One runbook under <c>Incidents:Runbooks</c>: the bookmark's title and its address (<c>{id}</c> and <c>{channel}</c> filled in).</summary>
public sealed class RunbookOptions
{
    public string Title { get; set; } = "";

    public string Url { get; set; } = "";
}
