using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// LiteDB allows 100 open transactions at once, and every read is one; the 101st throws. Under a burst, requests,
/// outbox lanes and background loops read at the same time, so every read outside the writer goes through
/// <see cref="Read{T}"/>, which lets at most <see cref="ReadSlots"/> in at once and keeps room for the writer.
/// </summary>
public static class LiteDbLimits
{
    public const int ReadSlots = 80;

    private static readonly SemaphoreSlim Slots = new(ReadSlots, ReadSlots);

    /// <summary>Runs a read (or a small write of its own) once a slot is free; reads take moments, so the wait is short.</summary>
    public static T Read<T>(Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Slots.Wait();
        try
        {
            return read();
        }
        finally
        {
            Slots.Release();
        }
    }

    /// <summary>LiteDB's "Maximum number of transactions reached", which it raises without an error code of its own.</summary>
    public static bool IsTransactionLimit(LiteException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.ErrorCode == 0 && ex.Message.StartsWith("Maximum number of transactions", StringComparison.Ordinal);
    }
}
