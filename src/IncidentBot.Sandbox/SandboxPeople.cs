using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>The sandbox's fixed cast (<see cref="SandboxDirectory"/>) as the emulated workspace looks people up.</summary>
internal sealed class SandboxPeople : IWorkspaceDirectory
{
    public EmulatedUser? Find(string? id) => SandboxDirectory.Find(id);

    public IReadOnlyList<string>? GroupMembers(string? groupId) => groupId switch
    {
        SandboxDirectory.EveryoneGroupId => [.. SandboxDirectory.People.Select(p => p.Id)],
        SandboxDirectory.OnCallGroupId => [.. SandboxDirectory.OnCall],
        _ => null,
    };

    public IReadOnlyList<(string Id, string Handle)> Groups() => [(SandboxDirectory.EveryoneGroupId, "everyone-sandbox"), (SandboxDirectory.OnCallGroupId, "oncall")];

    public EmulatedUser? FindByEmail(string? email) =>
        SandboxDirectory.People.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
}
