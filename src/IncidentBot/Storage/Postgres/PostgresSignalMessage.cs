using System.Globalization;
using System.Text;
using IncidentBot.Incidents;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// What replicas tell each other with NOTIFY, on a channel of their schema (<c>incidentbot:&lt;schema&gt;</c>, so two
/// bots in one database stay apart): the sender, then <c>i</c> (an incident changed), <c>o</c> (outbox messages were
/// added) and the lanes they joined as <c>incident:lane</c>, separated by spaces.
/// </summary>
public sealed record PostgresSignalMessage(string Sender, bool Incidents, bool Outbox, IReadOnlyList<(IncidentId Incident, int Lane)> Lanes)
{
    /// <summary>The SQL of the channel's name, as the listener's LISTEN and the sender's pg_notify both compute it.</summary>
    public const string ChannelSql = "'incidentbot:' || current_schema()";

    /// <summary>Lanes per notification: NOTIFY carries under 8000 bytes.</summary>
    private const int LanesPerPayload = 200;

    /// <summary>The payloads that carry this message, more than one when it names many lanes.</summary>
    public IEnumerable<string> Payloads()
    {
        var offset = 0;
        do
        {
            var text = new StringBuilder(Sender);
            if (offset == 0 && Incidents)
            {
                text.Append(" i");
            }

            if (Outbox)
            {
                text.Append(" o");
            }

            foreach (var (incident, lane) in Lanes.Skip(offset).Take(LanesPerPayload))
            {
                text.Append(CultureInfo.InvariantCulture, $" {incident.Value}:{lane}");
            }

            offset += LanesPerPayload;
            yield return text.ToString();
        }
        while (offset < Lanes.Count);
    }

    /// <summary>Reads a payload; null when it is not one of ours.</summary>
    public static PostgresSignalMessage? Parse(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var lanes = new List<(IncidentId Incident, int Lane)>();
        foreach (var part in parts.Skip(1))
        {
            if (part.Split(':') is [var incident, var lane]
                && int.TryParse(incident, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && int.TryParse(lane, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                lanes.Add((new IncidentId(id), number));
            }
        }

        return new PostgresSignalMessage(parts[0], parts.Contains("i"), parts.Contains("o"), lanes);
    }
}
