namespace IncidentBot.Incidents;

/// <summary>
/// What the incident decided about one request: the timeline entries it added and the facts of the change, or why it
/// refused (then nothing changed).
/// </summary>
public sealed record Decision(IReadOnlyList<TimelineEntry> Entries, string? Refusal)
{
    public bool Applied => Refusal is null;

    /// <summary>What changed, for the code that builds the decision's effects; empty when only the timeline grew.</summary>
    public IReadOnlyList<IncidentFact> Facts { get; init; } = [];

    /// <summary>Who the refusal is about, named by the reader's syntax before <see cref="Refusal"/> (see <see cref="RefusalNaming"/>).</summary>
    public ResponderId? About { get; init; }

    public static Decision Refuse(string reason) => new([], reason);

    /// <summary>A refusal about <paramref name="who"/>: "<paramref name="who"/> <paramref name="reason"/>".</summary>
    public static Decision Refuse(ResponderId who, string reason) => new([], reason) { About = who };

    /// <summary>Why it refused, as one sentence with <paramref name="name"/> naming who it is about; null when applied.</summary>
    public string? RefusalNaming(Func<ResponderId, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return About is { } who && Refusal is not null ? $"{name(who)} {Refusal}" : Refusal;
    }

    public static Decision Apply(params TimelineEntry[] entries) => new(entries, null);

    public static Decision Apply(IncidentFact fact, params TimelineEntry[] entries) => new(entries, null) { Facts = [fact] };

    /// <summary>Both decisions as one: a refusal of either refuses the whole, since the caller keeps nothing then.</summary>
    public Decision Then(Decision next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!Applied)
        {
            return this;
        }

        return next.Applied ? new Decision([.. Entries, .. next.Entries], null) { Facts = [.. Facts, .. next.Facts] } : next;
    }
}
