namespace IncidentBot.Emulator;

/// <summary>
/// A channel of the emulated workspace, as stored in its LiteDB file. LiteDB reads an empty text back as null, so the
/// texts of this and the other stored types turn null into empty again.
/// </summary>
public sealed class EmulatedChannel
{
    public string Id { get; set => field = value ?? ""; } = "";

    public string Name { get; set => field = value ?? ""; } = "";

    public bool IsPrivate { get; set; }

    public bool IsArchived { get; set; }

    public string Topic { get; set => field = value ?? ""; } = "";

    public string Purpose { get; set => field = value ?? ""; } = "";

    public List<string> Members { get; set; } = [];

    public string Creator { get; set => field = value ?? ""; } = "";

    /// <summary>Unix seconds.</summary>
    public long Created { get; set; }

    /// <summary>How many channels there were before this one, so channels made in the same second list in making order.</summary>
    public long Order { get; set; }
}
