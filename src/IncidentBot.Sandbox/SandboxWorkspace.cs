using IncidentBot.Emulator;
using LiteDB;

namespace IncidentBot.Sandbox;

/// <summary>The sandbox's emulated workspace: the sandbox's team and cast, in its LiteDB file, telling the page and the bot what changed.</summary>
internal static class SandboxWorkspace
{
    public static EmulatedWorkspace Create(LiteDatabase database, SandboxSession session, TimeProvider time, SlackEventBacklog events, SandboxChanges changes)
    {
        var profile = new WorkspaceProfile(
            SandboxDirectory.TeamId, "IncidentBot Sandbox", SandboxDirectory.AppId, SandboxDirectory.BotId, SandboxDirectory.Bot,
            session.BaseUrl, new Uri(session.BaseUrl, "sandbox/upload/"), SandboxDirectory.GeneralChannelId);
        var workspace = new EmulatedWorkspace(database, profile, new SandboxPeople(), time, events.Enqueue, changes.Changed);
        SandboxDirectory.Seed(workspace);
        return workspace;
    }
}
