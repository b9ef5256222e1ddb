using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>conversations.invite of <paramref name="Users"/> to the war room.</summary>
public sealed record Invite(IReadOnlyList<SlackUserId> Users) : IOutboxPayload
{
    public static string Kind => "Invite";

    /// <summary>Each of <paramref name="users"/> once.</summary>
    public static Invite Of(IEnumerable<SlackUserId> users) => new([.. users.Distinct()]);
}
