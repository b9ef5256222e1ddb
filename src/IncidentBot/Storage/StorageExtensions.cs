using LiteDB;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Storage;

public static class StorageExtensions
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Storage:Path must name a file.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<StorageFileLock>();
        builder.Services.AddSingleton(sp => Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path, sp.GetRequiredService<StorageFileLock>()));
        builder.Services.AddSingleton<GroupCommitter>();
        return builder;
    }

    private static LiteDatabase Open(string path, StorageFileLock fileLock)
    {
        // Locked before LiteDB reads a byte: a second process must not even recover the file's log. This also creates its folder.
        fileLock.Hold(path, StorageOptions.Section + ":" + nameof(StorageOptions.Path));
        return new LiteDatabase(new ConnectionString { Filename = Path.GetFullPath(path), Connection = ConnectionType.Direct }, BsonMappings.Create());
    }
}
