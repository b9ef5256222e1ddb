using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace IncidentBot.Tests.Storage;

/// <summary>The engine named by Storage:Provider chooses every store and the replicas' delivery claims, in whichever order the folders register.</summary>
public sealed class StorageRegistrationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("incidentbot-registration-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task LiteDB_keeps_its_stores_and_the_replica_s_memory_alone_for_deliveries()
    {
        await using var services = Build(new() { ["Storage:Path"] = Path.Combine(folder, "bot.db") }, storageFirst: false);

        Assert.IsType<LiteDbNoteStore>(services.GetRequiredService<INoteStore>());
        Assert.IsType<LiteDbDocumentStore>(services.GetRequiredService<IDocumentStore>());
        Assert.IsType<SingleReplicaClaims>(services.GetRequiredService<IDeliveryClaims>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostgreSQL_puts_the_notes_the_documents_and_the_delivery_claims_in_the_database(bool storageFirst)
    {
        await using var services = Build(new() { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = PostgresServer.NewDatabase() }, storageFirst);

        Assert.IsType<PostgresNoteStore>(services.GetRequiredService<INoteStore>());
        Assert.IsType<PostgresDocumentStore>(services.GetRequiredService<IDocumentStore>());
        Assert.IsType<PostgresDeliveryClaims>(services.GetRequiredService<IDeliveryClaims>());
        Assert.IsType<PostgresDeliveryClaims>(Assert.Single(services.GetServices<IDeliveryClaims>()));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, bool storageFirst)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        if (storageFirst)
        {
            builder.AddStorage();
            builder.AddSlack();
        }
        else
        {
            builder.AddSlack();
            builder.AddStorage();
        }

        return builder.Services.BuildServiceProvider();
    }
}
