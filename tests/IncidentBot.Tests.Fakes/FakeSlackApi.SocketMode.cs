namespace IncidentBot.Tests.Fakes;

/// <summary>Socket Mode's one Web API method, served for a Socket Mode fake (the tests' <c>FakeSocketModeServer</c>).</summary>
public sealed partial class FakeSlackApi
{
    private Func<Uri>? socketModeUrl;

    /// <summary>From now on apps.connections.open (called with an app-level token) answers with <paramref name="nextUrl"/>'s URL.</summary>
    public void ServeSocketMode(Func<Uri> nextUrl)
    {
        lock (gate)
        {
            socketModeUrl = nextUrl;
        }
    }
}
