using IncidentBot.Storage;

namespace IncidentBot.Escalation;

/// <summary>
/// Invite the people <paramref name="Targets"/> stand for (user groups, on-call schedules, users) to the war room and
/// name them there; <paramref name="Reason"/> says why (the severity's responders, an escalation).
/// </summary>
public sealed record InviteResponders(IReadOnlyList<string> Targets, string Reason) : IOutboxPayload
{
    public static string Kind => "InviteResponders";
}
