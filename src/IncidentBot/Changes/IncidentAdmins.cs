using System.Collections.Frozen;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Changes;

/// <summary>
/// Who is an incident admin (<c>Incidents:Admins</c>): the user ids listed, and the members of the user groups listed
/// as <see cref="AdminGroupsService"/> last read them from Slack. Asked inside writes, so it answers from memory.
/// </summary>
public sealed class IncidentAdmins(IOptions<IncidentsOptions> options)
{
    private FrozenSet<string> groupMembers = FrozenSet<string>.Empty;

    /// <summary>The user-group ids (S…) among the admins, whose members <see cref="AdminGroupsService"/> reads.</summary>
    public IReadOnlyList<string> Groups => [.. options.Value.Admins.Where(IsGroup)];

    public bool IsAdmin(ResponderId who) =>
        options.Value.Admins.Contains(who.Value, StringComparer.Ordinal) || Volatile.Read(ref groupMembers).Contains(who.Value);

    /// <summary>Replaces what is known of the admin groups' members.</summary>
    public void UseGroupMembers(IEnumerable<string> members) => Volatile.Write(ref groupMembers, members.ToFrozenSet(StringComparer.Ordinal));

    public static bool IsGroup(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.StartsWith('S');
    }
}
