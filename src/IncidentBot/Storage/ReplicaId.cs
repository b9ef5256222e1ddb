using System.Globalization;
using System.Security.Cryptography;

namespace IncidentBot.Storage;

/// <summary>
/// This replica's name among the others on one database: host name, process id and a random part, so a restarted
/// process, or a second host in one process, is never taken for the one before it.
/// </summary>
public sealed class ReplicaId
{
    public string Value { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{RandomNumberGenerator.GetHexString(8, lowercase: true)}");

    public override string ToString() => Value;
}
