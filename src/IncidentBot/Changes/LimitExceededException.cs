namespace IncidentBot.Changes;

/// <summary>A declaration over one of the <see cref="Incidents.IncidentLimits"/> that its caller did not check first; nothing was stored.</summary>
public sealed class LimitExceededException : InvalidOperationException
{
    public LimitExceededException()
    {
    }

    public LimitExceededException(string message)
        : base(message)
    {
    }

    public LimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
