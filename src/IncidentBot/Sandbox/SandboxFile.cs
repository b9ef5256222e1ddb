using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Sandbox;

/// <summary>
/// The sandbox's LiteDB file (<c>Sandbox:Path</c>), which the store opens instead of <c>Storage:Path</c>. With
/// <c>Sandbox:Reset</c> it is deleted, with its log, the first time its path is asked for: before the store opens it,
/// and never again while the bot runs. The file is locked first, so a second sandbox never resets the file of one that runs.
/// </summary>
internal sealed class SandboxFile(IOptions<SandboxOptions> options, StorageFileLock fileLock)
{
    private readonly Lazy<string> path = new(() =>
    {
        var sandbox = options.Value;
        fileLock.Hold(sandbox.Path, SandboxOptions.Section + ":" + nameof(SandboxOptions.Path));
        if (sandbox.Reset)
        {
            var full = System.IO.Path.GetFullPath(sandbox.Path);
            File.Delete(full);
            File.Delete(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full) ?? "", System.IO.Path.GetFileNameWithoutExtension(full) + "-log" + System.IO.Path.GetExtension(full)));
        }

        return sandbox.Path;
    });

    public string Path => path.Value;
}
