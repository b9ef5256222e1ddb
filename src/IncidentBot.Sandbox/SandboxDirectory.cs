using IncidentBot.Emulator;

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

    public static EmulatedUser Bot { get; } = new(BotUserId, "incidentbot", "IncidentBot", IsBot: true);

    /// <summary>The people the page lets you act as; the first is the default.</summary>
    public static IReadOnlyList<EmulatedUser> People { get; } =
    [
        new("U0ALEXKIM1", "alex", "Alex Kim", TimeZone: "Europe/London", Email: "alex@incidentbot-sandbox.example"),
        new("U0SAMRIVE1", "sam", "Sam Rivera", TimeZone: "America/New_York", Email: "sam@incidentbot-sandbox.example"),
        new("U0PRIYAN01", "priya", "Priya Nair", TimeZone: "Asia/Kolkata", Email: "priya@incidentbot-sandbox.example"),
    ];

    /// <summary>The workspace's one user group, everyone in it, for settings that name a group (<c>Incidents:Admins</c>, say).</summary>
    public const string EveryoneGroupId = "S0EVERYONE";

    /// <summary>The on-call user group (<c>@oncall</c>, Sam and Priya): the sandbox invites it to every SEV-1 and SEV-2 war room.</summary>
    public const string OnCallGroupId = "S0ONCALL01";

    public static IReadOnlyList<string> OnCall { get; } = [People[1].Id, People[2].Id];

    public static EmulatedUser? Find(string? id) =>
        id == BotUserId ? Bot : People.FirstOrDefault(p => p.Id == id);

    public static EmulatedUser? FindByName(string name) =>
        People.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The channels the workspace starts with, unless its file has them already.</summary>
    public static void Seed(EmulatedWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var everyone = People.Select(p => p.Id).Append(BotUserId).ToList();
        workspace.SeedChannel(GeneralChannelId, "general", isPrivate: false, People[0].Id, everyone, "Company-wide announcements and work-based matters");
        workspace.SeedChannel(AnnouncementChannelId, "incidents", isPrivate: false, People[0].Id, everyone, "Every incident is announced here");

        // As in most workspaces, there is a channel the bot was never added to.
        workspace.SeedChannel(RandomChannelId, "random", isPrivate: false, People[0].Id, People.Select(p => p.Id), "Non-work banter; the bot is not in here");
    }
}
