namespace IncidentBot.Incidents;

/// <summary>
/// What a decision changed, as facts (from, to, values) rather than words: the code that turns a decision into its
/// effects reads these, so every path to the same change (a command, a button, a form) has the same effects.
/// </summary>
public abstract record IncidentFact;
