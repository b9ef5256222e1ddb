using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Changes;

/// <summary>
/// The one way an incident is declared, from <c>/incident create</c>, the declaration form or an alert: it takes the
/// next number, plans the war room's name, and stores the incident with its whole Slack plan (create the war room,
/// invite, post, pin, set the topic; each feature's <see cref="IIncidentChangeListener"/> adds its own part, such as the
/// announcement) and its audit entry in one transaction. A title or impact over its <see cref="IncidentLimits"/> is
/// never stored: callers ask <see cref="Refusal"/> first to answer the person, and the declaration throws otherwise.
/// </summary>
public sealed partial class IncidentDeclarer(IIncidentStore store, IOptions<IncidentsOptions> options, IOptions<IncidentLimits> limits, ILogger<IncidentDeclarer> logger)
{
    /// <summary>The most characters a title may have, for forms to stop typing there (<see cref="IncidentLimits.TitleLength"/>).</summary>
    public int TitleLength => limits.Value.TitleLength;

    /// <summary>Null when <paramref name="declaration"/> fits the limits; else the refusal, saying the limit.</summary>
    public string? Refusal(NewIncident declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return limits.Value.Refusal(declaration.Title, declaration.Impact);
    }

    /// <param name="declaration">What the incident is.</param>
    /// <param name="reporter">Who declared it; commander until someone else takes it, unless <paramref name="shape"/> says otherwise.</param>
    /// <param name="origin">Where it was declared from, for answers that belong there.</param>
    /// <param name="now">When.</param>
    /// <param name="command">What the audit log says was asked.</param>
    /// <param name="shape">Runs on the declared incident inside the write, before its plan is made (e.g. an alert links itself).</param>
    public async Task<Incident> DeclareAsync(NewIncident declaration, ResponderId reporter, SlackChannelId origin, Instant now, string command, Action<Incident>? shape = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (Refusal(declaration) is { } refusal)
        {
            throw new LimitExceededException(refusal);
        }

        var d = declaration;
        var pattern = options.Value.ChannelPattern;
        var severity = d.Severity;
        var incident = await store.InsertAsync(id =>
        {
            var room = WarRoomNames.Plan(pattern, d.Title, id, now);
            var declared = Incident.Declare(id, d.Title, severity, d.Impact, d.IsPrivate, reporter, origin.Value, d.IsDrill ? WarRoomNames.Drill(room) : room, now, d.IsDrill, d.ImpactStartedAt);
            shape?.Invoke(declared);
            var n = id;
            OutboxMessage[] plan =
            [
                OutboxMessage.For(n, new CreateWarRoom(), now),

                // The bot itself, when it declared for an alert, is nobody to invite.
                .. declared.Responders.Count == 0 ? Array.Empty<OutboxMessage>() : [OutboxMessage.For(n, Invite.Of(declared.Responders.Select(r => new SlackUserId(r.Value))), now).InLane(OutboxMessage.InviteLane)],
                OutboxMessage.For(n, new PostDeclaration(), now),
                OutboxMessage.For(n, new PinDeclaration(), now),
                OutboxMessage.For(n, new SetTopic(), now).InLane(OutboxMessage.TopicLane),
            ];
            var audit = new AuditEntry { At = now, User = reporter, Channel = origin, IncidentId = n, Command = command, Outcome = (d.IsDrill ? "declared drill " : "declared ") + severity.Name };
            return new IncidentDeclaration(declared, plan, audit);
        }).ConfigureAwait(false);
        LogDeclared(incident.Id, severity.Name);
        return incident;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Declared {Incident} at {Severity}")]
    private partial void LogDeclared(IncidentId incident, string severity);
}
