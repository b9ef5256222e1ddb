using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The real bot on a PostgreSQL database (<c>Storage:Provider=PostgreSQL</c>), as a replica of a scaled-out deployment runs.
/// </summary>
internal static class PostgresBot
{
    public static BotHost Start(FakeSlackApi slack, string connectionString, TestTime? time = null) =>
        BotHost.Start(
            slack,
            settings: new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "PostgreSQL",
                ["Storage:ConnectionString"] = connectionString,
            },
            time: time);

}
