namespace IncidentBot.Sandbox;

/// <summary>The fixed cast of the emulated workspace: its ids, the bot, a few people to act as, and the two channels every workspace starts with.</summary>
public static class SandboxDirectory
{
    public const string TeamId = "T0SANDBOX1";
    public const string TeamDomain = "incidentbot-sandbox";
    public const string AppId = "A0INCIDBOT";
    public const string BotId = "B0INCIDBOT";
    public const string BotUserId = "U0INCIDBOT";
    public const string SlackbotId = "USLACKBOT";
    public const string GeneralChannelId = "C0GENERAL1";
    public const string AnnouncementChannelId = "C0INCIDENT";
    public const string RandomChannelId = "C0RANDOM01";

    public static SandboxUser Bot { get; } = new(BotUserId, "incidentbot", "IncidentBot", IsBot: true);

    /// <summary>The people the page lets you act as; the first is the default.</summary>
    public static IReadOnlyList<SandboxUser> People { get; } =
    [
        new("U0ALEXKIM1", "alex", "Alex Kim", TimeZone: "Europe/London"),
        new("U0SAMRIVE1", "sam", "Sam Rivera", TimeZone: "America/New_York"),
        new("U0PRIYAN01", "priya", "Priya Nair", TimeZone: "Asia/Kolkata"),
    ];

    /// <summary>The workspace's one user group, everyone in it, for settings that name a group (<c>Incidents:Admins</c>, say).</summary>
    public const string EveryoneGroupId = "S0EVERYONE";

    public static SandboxUser? Find(string? id) =>
        id == BotUserId ? Bot : People.FirstOrDefault(p => p.Id == id);

    public static SandboxUser? FindByName(string name) =>
        People.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
