namespace IncidentBot.Slack.Outbound;

/// <summary>
/// What a Web API call is made for, as its log lines name it: the incident and the outbox kind whose step is calling.
/// Set by the outbox around each step (<see cref="Begin"/>); flows with the async calls beneath it, so a retry deep in
/// the client still says whose it is. Calls made for nothing in particular (the token probe) have none.
/// </summary>
public sealed class SlackCallOrigin : IDisposable
{
    private static readonly AsyncLocal<SlackCallOrigin?> Ambient = new();

    private readonly SlackCallOrigin? outer;

    private SlackCallOrigin(string incident, string kind, SlackCallOrigin? outer)
    {
        Incident = incident;
        Kind = kind;
        this.outer = outer;
    }

    /// <summary>The origin of the calls made here; null outside any.</summary>
    public static SlackCallOrigin? Current => Ambient.Value;

    /// <summary>The incident id, e.g. <c>INC-7</c>, or <c>-</c> for work of no incident.</summary>
    public string Incident { get; }

    /// <summary>The outbox kind, e.g. <c>Post</c>.</summary>
    public string Kind { get; }

    /// <summary>Marks the calls made until the returned origin is disposed as made for <paramref name="incident"/>'s <paramref name="kind"/>.</summary>
    public static SlackCallOrigin Begin(string incident, string kind)
    {
        var origin = new SlackCallOrigin(incident, kind, Ambient.Value);
        Ambient.Value = origin;
        return origin;
    }

    public void Dispose() => Ambient.Value = outer;
}
