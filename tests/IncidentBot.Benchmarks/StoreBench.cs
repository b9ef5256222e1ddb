using IncidentBot.Storage;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Benchmarks;

/// <summary>The bot's database as the host opens it, on a fresh temporary file on disk, deleted afterwards.</summary>
internal sealed class StoreBench : IAsyncDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"incidentbot-bench-{Guid.NewGuid():N}.db");

    public StoreBench()
    {
        Database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, BsonMappings.Create());
        Writer = new GroupCommitter(Database, NullLogger<GroupCommitter>.Instance);
    }

    public LiteDatabase Database { get; }

    public GroupCommitter Writer { get; }

    public StoreSignals Signals { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Database.Dispose();
        File.Delete(path);
        File.Delete(Path.ChangeExtension(path, null) + "-log.db");
    }
}
