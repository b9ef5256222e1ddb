using IncidentBot.Emulator;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// The fake workspace's people: every well-formed user id exists (in Europe/Berlin unless seeded otherwise) except the
/// ones a test made unknown; the bot's own id is the one bot user; user groups and emails are the seeded ones. Used under the fake's lock.
/// </summary>
internal sealed class FakeDirectory(EmulatedUser bot) : IWorkspaceDirectory
{
    private readonly Dictionary<string, (string Name, string TimeZone)> users = new(StringComparer.Ordinal);
    private readonly HashSet<string> unknownUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> handles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> emails = new(StringComparer.OrdinalIgnoreCase);

    public void AddUser(string id, string name, string timeZone) => users[id] = (name, timeZone);

    public void ForgetUser(string id) => unknownUsers.Add(id);

    public void AddUserGroup(string id, string[] members) => groups[id] = members;

    public void NameUserGroup(string id, string handle) => handles[id] = handle;

    public void AddEmail(string id, string email) => emails[email] = id;

    public EmulatedUser? Find(string? id)
    {
        if (id is not ['U' or 'W', _, ..] || !id.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')) || unknownUsers.Contains(id))
        {
            return null;
        }

        if (id == bot.Id)
        {
            return bot;
        }

        var seeded = users.GetValueOrDefault(id);
        return new EmulatedUser(id, seeded.Name ?? id.ToLowerInvariant(), $"User {id}", TimeZone: seeded.TimeZone ?? "Europe/Berlin");
    }

    public IReadOnlyList<string>? GroupMembers(string? groupId) => groups.GetValueOrDefault(groupId ?? "");

    public IReadOnlyList<(string Id, string Handle)> Groups() => [.. groups.Keys.Select(g => (g, handles.GetValueOrDefault(g, g.ToLowerInvariant())))];

    public EmulatedUser? FindByEmail(string? email) => emails.GetValueOrDefault(email ?? "") is { } id ? Find(id) : null;
}
