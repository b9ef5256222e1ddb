using IncidentBot.Slack.Inbound;
using IncidentBot.Tests.Storage.Contracts;

namespace IncidentBot.Tests.Storage;

/// <summary>The deduplication contract of a bot alone on its LiteDB file: the replica's memory, nothing written.</summary>
public sealed class LiteDbDeduplicationTests : DeduplicationContract
{
    protected override IDeliveryClaims Replica() => new SingleReplicaClaims();
}
