namespace IncidentBot.Tests.Fuzz;

/// <summary>How a fuzzed request carries Slack's signature headers: <see cref="Signed"/>, or one way of getting them wrong.</summary>
internal enum FuzzHeaders
{
    Signed,
    Unsigned,
    WrongSignature,
    HugeTimestamp,
    NegativeTimestamp,
    EmptyTimestamp,
    StaleTimestamp,
    FutureTimestamp,
    NonAsciiSignature,
    HugeSignature,
    TwoTimestamps,
    SignedWithBadRetryHeaders,
}
