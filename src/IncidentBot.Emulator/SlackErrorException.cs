namespace IncidentBot.Emulator;

/// <summary>An <c>ok:false</c> answer of the emulated Web API, thrown so a method can give up from any depth.</summary>
public sealed class SlackErrorException : Exception
{
    public SlackErrorException()
    {
    }

    public SlackErrorException(string error)
        : base(error)
    {
    }

    public SlackErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
