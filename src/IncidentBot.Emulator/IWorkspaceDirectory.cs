namespace IncidentBot.Emulator;

/// <summary>The people and user groups of an emulated workspace, as users.info, users.lookupByEmail, conversations.invite and the usergroups methods see them.</summary>
public interface IWorkspaceDirectory
{
    /// <summary>The person (or the bot) with this id; null when the workspace has nobody by it.</summary>
    EmulatedUser? Find(string? id);

    /// <summary>A user group's members; null when there is no such group.</summary>
    IReadOnlyList<string>? GroupMembers(string? groupId);

    /// <summary>The user groups by id and handle (without the <c>@</c>), as usergroups.list lists them.</summary>
    IReadOnlyList<(string Id, string Handle)> Groups();

    /// <summary>The person whose profile has this email, as users.lookupByEmail finds them; null when nobody has it.</summary>
    EmulatedUser? FindByEmail(string? email);
}
