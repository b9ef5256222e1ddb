namespace IncidentBot.Storage;

/// <summary>
/// One process per LiteDB file: an exclusive OS lock on a sibling <c>&lt;file&gt;.lock</c>, taken before the file is opened
/// (or, in the sandbox, reset) and held until the host is disposed. A second bot on the same file would deliver the same
/// outbox and could corrupt the file, so it stops at start instead. The OS drops the lock with the process however it
/// ends (kill -9 included), so a lock left by a dead process never blocks the next start; the lock file itself stays,
/// empty, since deleting it could let two processes each lock a different one.
/// </summary>
internal sealed class StorageFileLock : IDisposable
{
    private readonly Dictionary<string, FileStream> held = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>
    /// Locks <paramref name="path"/> for this host, once. For the refusal: <paramref name="setting"/> names where the path
    /// comes from, and <paramref name="scaleOut"/>, if any, what to use instead of one file when one process is not enough.
    /// </summary>
    /// <exception cref="StorageInUseException">Another process holds the file.</exception>
    public void Hold(string path, string setting, string? scaleOut = null)
    {
        var full = Path.GetFullPath(path);
        lock (gate)
        {
            if (held.ContainsKey(full))
            {
                return;
            }

            if (Path.GetDirectoryName(full) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            try
            {
                held[full] = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
            {
                var refusal = $"{path} is in use by another process; run one replica per LiteDB file (stop the other bot, or give this one its own {setting})";
                throw new StorageInUseException(scaleOut is null ? refusal : $"{refusal}; {scaleOut}", ex);
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var stream in held.Values)
            {
                stream.Dispose();
            }

            held.Clear();
        }
    }
}
