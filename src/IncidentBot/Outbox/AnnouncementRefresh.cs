using System.Globalization;
using System.Text.Json;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>
/// Edits the incident's announcement to show how it stands now (e.g. cancelled). The bot keeps no ts of the
/// announcement, so it finds its own message in the announcement channel by the incident in the message metadata: one
/// history call, made only for an incident's rare end.
/// </summary>
public sealed class AnnouncementRefresh(ISlackApi slack, IncidentMessages messages, IOptions<IncidentsOptions> options)
{
    public async Task RunAsync(Incident incident, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (options.Value.AnnouncementChannel.Length == 0 || incident.IsPrivate || incident.IsDrill)
        {
            return;
        }

        var channel = new SlackChannelId(options.Value.AnnouncementChannel);
        var oldest = (incident.DeclaredAt - Duration.FromMinutes(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var history = await slack.GetHistoryAsync(channel, oldest, 200, ct).ConfigureAwait(false);

        // Newest first: the announcement is the incident's first message there.
        if (history.LastOrDefault(m => IsOf(m.Metadata, incident.Id.ToString())) is { } announcement)
        {
            var rendered = messages.Announcement(incident, now);
            await slack.UpdateMessageAsync(new SlackMessage(channel, rendered.Text, rendered.Blocks), announcement.Ts, ct).ConfigureAwait(false);
        }
    }

    private static bool IsOf(JsonElement? metadata, string incident) =>
        metadata is { ValueKind: JsonValueKind.Object } m
        && m.TryGetProperty("event_type", out var type) && type.GetString() == OutboxDelivery.MetadataEventType
        && m.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty("incident", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == incident;
}
