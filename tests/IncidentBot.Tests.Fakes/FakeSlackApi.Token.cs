namespace IncidentBot.Tests.Fakes;

/// <summary>A bot token Slack stops accepting, and accepts again: as when an admin revokes it, or the app loses a scope.</summary>
public sealed partial class FakeSlackApi
{
    private string? tokenRefusal;
    private string? neededScope;

    /// <summary>
    /// From now on every call with the bot token answers <c>ok:false</c> with <paramref name="error"/> (and, for
    /// <c>missing_scope</c>, <c>needed</c> = <paramref name="needed"/>) and does nothing, until <see cref="AcceptToken"/>.
    /// </summary>
    public void RefuseToken(string error, string? needed = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        Locked(() =>
        {
            tokenRefusal = error;
            neededScope = needed;
        });
    }

    /// <summary>Slack accepts the bot token again.</summary>
    public void AcceptToken() => Locked(() => tokenRefusal = null);

    /// <summary>Under the gate: the refusal a bot-token call gets now, if any (the app-level token is another token).</summary>
    private string? TokenRefusal(string method) => method == "apps.connections.open" ? null : tokenRefusal;

    /// <summary>Under the gate: Slack's answer to a refused call, naming the scope it needs.</summary>
    private System.Text.Json.Nodes.JsonObject Refusal(string error)
    {
        var answer = IncidentBot.Emulator.EmulatedWorkspace.Error(error);
        if (error == "missing_scope" && neededScope is { } needed)
        {
            answer["needed"] = needed;
        }

        return answer;
    }
}
