namespace IncidentBot.Emulator;

/// <summary>The people and user groups of an emulated workspace, as users.info, conversations.invite and usergroups.users.list see them.</summary>
public interface IWorkspaceDirectory
{
    /// <summary>The person (or the bot) with this id; null when the workspace has nobody by it.</summary>
    EmulatedUser? Find(string? id);

    /// <summary>A user group's members; null when there is no such group.</summary>
    IReadOnlyList<string>? GroupMembers(string? groupId);
}
