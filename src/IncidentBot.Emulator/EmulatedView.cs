namespace IncidentBot.Emulator;

/// <summary>
/// A modal opened with views.open for <see cref="User"/>, as the JSON the bot sent, closed once submitted or dismissed;
/// or, <see cref="IsHome"/>, their App Home tab as last published with views.publish.
/// </summary>
public sealed class EmulatedView
{
    public string Id { get; set => field = value ?? ""; } = "";

    public string User { get; set => field = value ?? ""; } = "";

    public string View { get; set => field = value ?? ""; } = "";

    public bool IsOpen { get; set; }

    public bool IsHome { get; set; }
}
