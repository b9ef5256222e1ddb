namespace IncidentBot.Sandbox;

/// <summary>A channel of the emulated workspace, as stored in the sandbox's LiteDB file.</summary>
public sealed class SandboxChannel
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public bool IsPrivate { get; set; }

    public bool IsArchived { get; set; }

    public string Topic { get; set; } = "";

    public string Purpose { get; set; } = "";

    public List<string> Members { get; set; } = [];

    public string Creator { get; set; } = "";

    /// <summary>Unix seconds.</summary>
    public long Created { get; set; }
}
