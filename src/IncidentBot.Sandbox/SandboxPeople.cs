using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>The sandbox's fixed cast (<see cref="SandboxDirectory"/>) as the emulated workspace looks people up.</summary>
internal sealed class SandboxPeople : IWorkspaceDirectory
{
    public EmulatedUser? Find(string? id) => SandboxDirectory.Find(id);

    public IReadOnlyList<string>? GroupMembers(string? groupId) =>
        groupId == SandboxDirectory.EveryoneGroupId ? [.. SandboxDirectory.People.Select(p => p.Id)] : null;
}
