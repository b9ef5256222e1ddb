namespace IncidentBot.Slack.Inbound;

/// <summary>The verdict on one inbound request's signature.</summary>
public enum SignatureCheck
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    Mismatch,
}
