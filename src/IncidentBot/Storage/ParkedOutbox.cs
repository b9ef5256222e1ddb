using NodaTime;

namespace IncidentBot.Storage;

/// <summary>What putting a parked message back means, the same on every store.</summary>
internal static class ParkedOutbox
{
    /// <summary>Back to pending, due now, with as many attempts again as it had when parked; its attempts so far still say it was tried (a resumed step looks for its own work first).</summary>
    public static void Unpark(OutboxMessage message, Instant now)
    {
        message.State = OutboxState.Pending;
        message.NextAttemptAt = now;
        message.UncountedAttempts = message.Attempts;
    }
}
