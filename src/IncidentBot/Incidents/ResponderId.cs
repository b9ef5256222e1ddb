namespace IncidentBot.Incidents;

/// <summary>A person taking part in an incident, by their chat user id (U…).</summary>
public readonly record struct ResponderId(string Value)
{
    public override string ToString() => Value;
}
