namespace IncidentBot.Storage;

/// <summary>
/// Makes a LiteDB commit durable. LiteDB 5.0.21 writes a commit's pages into its log file (<c>&lt;name&gt;-log&lt;ext&gt;</c>,
/// beside the data file) before <c>Commit()</c> returns, but leaves them in the OS's page cache: they survive the process
/// (kill -9) and not a power loss. After each group commit <see cref="Sync"/> calls fsync on the log file once, through
/// a handle of its own (on Linux fsync flushes the file, whichever descriptor wrote it). LiteDB keeps that file for as
/// long as the database is open (a checkpoint truncates it, and syncs the data file itself), so one handle serves, and
/// tells the writer how long the log has grown (<see cref="Pages"/>).
/// </summary>
internal sealed class LiteDbLogSync : IDisposable
{
    private const int PageSize = 8192;
    private readonly string logFile;
    private FileStream? log;

    public LiteDbLogSync(string dataFile)
    {
        var full = Path.GetFullPath(dataFile);
        logFile = Path.Combine(Path.GetDirectoryName(full) ?? "", Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
    }

    /// <summary>Flushes what the last commit wrote to the disk; a no-op until LiteDB has created its log.</summary>
    public void Sync()
    {
        log ??= File.Exists(logFile) ? new FileStream(logFile, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete) : null;
        log?.Flush(flushToDisk: true);
    }

    /// <summary>The log's length in LiteDB's 8 KB pages: what the next checkpoint copies into the data file, at most.</summary>
    public long Pages => (log?.Length ?? 0) / PageSize;

    public void Dispose() => log?.Dispose();
}
