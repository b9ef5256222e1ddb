using IncidentBot.Incidents;

namespace IncidentBot.Changes;

/// <summary>
/// What came of a <see cref="ChangeRequest"/>: the incident as changed, or the refusal: <see cref="Unauthorized"/> for
/// a person who may not (<see cref="Refusal"/> is then a whole sentence saying who can), else the incident's reason.
/// <see cref="Incident"/> is null when the incident no longer exists.
/// </summary>
public sealed record ChangeOutcome(Incident? Incident, string? Refusal, bool Unauthorized)
{
    public bool Done => Incident is not null && Refusal is null;

    /// <summary>The refusal as an answer to the person: the authority's sentence as it is, the incident's reason after "Not done:".</summary>
    public string RefusalText => Unauthorized ? Refusal ?? "" : $"Not done: {Refusal}.";
}
