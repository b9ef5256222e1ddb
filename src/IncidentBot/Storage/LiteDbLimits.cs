using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// LiteDB allows 100 open transactions at once, and every read is one; the 101st throws. Under a burst, requests,
/// outbox lanes and background loops read at the same time, so every read outside the writer goes through
/// <see cref="Read{T}"/>, which lets at most <see cref="ReadSlots"/> in at once and keeps room for the writer. Writes
/// never come here: every write, index creation included, runs on the <see cref="GroupCommitter"/>'s thread, since a
/// second writer beside it could be handed the same free page (LiteDB then finds its index corrupt: "out of index in
/// level"). Should LiteDB still count more transactions than these (the sandbox's emulated workspace shares the file,
/// and LiteDB 5.0.18-5.0.20 could leave a read's transaction open), a read refused for it waits a moment and tries
/// again, up to <see cref="Patience"/>, rather than answer the user with an error.
/// </summary>
public static class LiteDbLimits
{
    public const int ReadSlots = 80;

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(2);

    private static readonly SemaphoreSlim Slots = new(ReadSlots, ReadSlots);

    /// <summary>Runs a read once a slot is free; reads take moments, so the wait is short.</summary>
    public static T Read<T>(Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var waited = TimeSpan.Zero;
        while (true)
        {
            Slots.Wait();
            try
            {
                return read();
            }
            catch (LiteException ex) when (IsTransactionLimit(ex) && waited < Patience)
            {
                waited += BusyPause;
            }
            finally
            {
                Slots.Release();
            }

            Thread.Sleep(BusyPause);
        }
    }

    /// <summary>LiteDB's "Maximum number of transactions reached", which it raises without an error code of its own.</summary>
    public static bool IsTransactionLimit(LiteException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.ErrorCode == 0 && ex.Message.StartsWith("Maximum number of transactions", StringComparison.Ordinal);
    }
}
