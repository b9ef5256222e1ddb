using System.Diagnostics.Metrics;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage.Postgres;
using LiteDB;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Storage;

public static class StorageExtensions
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .PostConfigure(o => o.Path = o.Path.Length > 0 ? o.Path : Path.Combine(o.DataDirectory, StorageOptions.DefaultFileName))
            .Validate(o => o.Provider != StorageProvider.LiteDB || !string.IsNullOrWhiteSpace(o.Path), "Storage:Path must name a file.")
            .Validate(
                o => o.Provider != StorageProvider.PostgreSQL || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString must name the PostgreSQL database when Storage:Provider is PostgreSQL.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), "Storage:LeaseDuration must be at least 1 second.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ReplicaId>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("store", sp => new StoreHealthCheck(sp.GetService<PostgresDatabase>(), sp.GetService<IIncidentStore>()), null, null));

        // Chosen once, as the host is built: every store of one process is on one engine.
        var provider = builder.Configuration.GetValue<StorageProvider?>($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}") ?? StorageProvider.LiteDB;
        if (provider == StorageProvider.PostgreSQL)
        {
            builder.Services.AddSingleton(sp => PostgresDatabase.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));
            builder.Services.AddSingleton<IIncidentStore, PostgresIncidentStore>();
            builder.Services.AddSingleton<INoteStore, PostgresNoteStore>();
            builder.Services.AddSingleton<IDocumentStore, PostgresDocumentStore>();

            // Replicas share what Slack delivered, so a retry that reaches another replica is handled once.
            builder.Services.Replace(ServiceDescriptor.Singleton<IDeliveryClaims, PostgresDeliveryClaims>());
            builder.AddReplicaCoordination();
        }
        else
        {
            builder.Services.AddSingleton<StoreSignals>();
            builder.Services.AddSingleton<ILeases, SingleProcessLeases>();
            builder.Services.TryAddSingleton<StorageFileLock>();
            builder.Services.AddSingleton(sp => Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<StorageFileLock>()));
            builder.Services.AddSingleton(sp => new GroupCommitter(
                sp.GetRequiredService<LiteDatabase>(), sp.GetRequiredService<ILogger<GroupCommitter>>(),
                sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path, sp.GetService<IMeterFactory>()));
            builder.Services.AddSingleton<IIncidentStore, LiteDbIncidentStore>();
            builder.Services.AddSingleton<INoteStore, LiteDbNoteStore>();
            builder.Services.AddSingleton<IDocumentStore, LiteDbDocumentStore>();
        }

        return builder;
    }

    /// <summary>
    /// What replicas on one PostgreSQL database share beside the store: the leases (table <c>leases</c>), and the stores'
    /// signals relayed by NOTIFY, so a commit on one replica wakes the loops of all.
    /// </summary>
    private static void AddReplicaCoordination(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ILeases>(sp => new PostgresLeases(
            sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<ReplicaId>(), sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.LeaseDuration));
        services.AddSingleton<PostgresSignalRelay>();
        services.AddSingleton(sp => new StoreSignals(sp.GetRequiredService<PostgresSignalRelay>()));
        services.AddHostedService(sp => sp.GetRequiredService<PostgresSignalRelay>());
        services.AddSingleton<PostgresSignalListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresSignalListener>());
    }

    private static LiteDatabase Open(StorageOptions options, StorageFileLock fileLock)
    {
        // Locked before LiteDB reads a byte: a second process must not even recover the file's log. This also creates its folder.
        var path = options.Path;
        fileLock.Hold(path, StorageOptions.Section + ":" + nameof(StorageOptions.Path), $"for more than one replica use {StorageOptions.Section}:{nameof(StorageOptions.Provider)}={nameof(StorageProvider.PostgreSQL)}");
        var database = new LiteDatabase(new ConnectionString { Filename = Path.GetFullPath(path), Connection = ConnectionType.Direct }, BsonMappings.Create());
        try
        {
            LiteDbFileOwner.Claim(database, path, options.Sandbox);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }
}
