namespace IncidentBot.Postmortems;

/// <summary>Settings of the "Postmortems" section.</summary>
public sealed class PostmortemOptions
{
    public const string Section = "Postmortems";

    /// <summary>
    /// The token <c>GET /incidents/{id}/postmortem.md</c> asks for, as <c>Authorization: Bearer &lt;token&gt;</c>; at least
    /// 16 characters. It opens every incident's draft, private ones included. Default empty: the endpoint answers 404
    /// to everyone. Never logged.
    /// </summary>
    public string AccessToken { get; set; } = "";
}
