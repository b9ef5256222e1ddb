using System.Globalization;
using System.Security.Cryptography;

namespace IncidentBot.Emulator;

/// <summary>Trigger ids: one views.open each, within 3 seconds of the click or command that made them.</summary>
public sealed partial class EmulatedWorkspace
{
    private static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);

    private readonly Dictionary<string, (string User, DateTimeOffset Issued)> triggers = new(StringComparer.Ordinal);
    private readonly HashSet<string> exchangedTriggers = new(StringComparer.Ordinal);

    /// <summary>A trigger id for one views.open, tied to the person whose command or click made it.</summary>
    public string NewTrigger(string user)
    {
        lock (gate)
        {
            var trigger = string.Create(
                CultureInfo.InvariantCulture,
                $"{Now()}.{RandomNumberGenerator.GetInt32(100_000_000, 999_999_999)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}");
            triggers[trigger] = (user, time.GetUtcNow());
            return trigger;
        }
    }

    /// <summary>Uses up <paramref name="trigger"/>; the person it was made for ("" for one the workspace did not issue).</summary>
    private string ExchangeTrigger(string trigger)
    {
        if (exchangedTriggers.Contains(trigger))
        {
            throw new SlackErrorException("exchanged_trigger_id");
        }

        var known = triggers.Remove(trigger, out var issued);
        if (!known && !profile.AcceptUnissuedTriggers)
        {
            throw new SlackErrorException("invalid_trigger_id");
        }

        exchangedTriggers.Add(trigger);
        return known && time.GetUtcNow() - issued.Issued > TriggerLifetime ? throw new SlackErrorException("expired_trigger_id") : known ? issued.User : "";
    }
}
