using IncidentBot.Acknowledgements;
using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Scheduling;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Alerts;

/// <summary>
/// What a verified alert does. A trigger whose key (<see cref="Alert.DedupKey"/>) an open incident already has joins
/// it; otherwise it declares, through the same path as <c>/incident create</c>, at the routed severity, reported by
/// the bot (or, with AutoDeclare off, offers a "Declare incident" button). A resolve is shown on the open incident's
/// timeline and in its war room. Alerts are taken one at a time: the look-up of the open incident and the declaration
/// or link that follows it are never interleaved with another alert's, so two deliveries of one alert at the same
/// moment cannot declare twice (the bot is one process, the only writer of its database). An acknowledgement at the
/// source acknowledges the incident the alert opened, or the one the bot paged the source for.
/// </summary>
public sealed partial class AlertIntake(
    IIncidentStore store,
    IncidentDeclarer declarer,
    IncidentChanger changer,
    AlertRouter router,
    AlertOffers offers,
    AlertMessages messages,
    AlertAcknowledgements acknowledgements,
    IOptions<AlertsOptions> options,
    IOptions<IncidentsOptions> incidents,
    IOptions<IncidentLimits> limits,
    IClock clock,
    ILogger<AlertIntake> logger) : IDisposable
{
    /// <summary>Who reports what an alert did: the bot, as no person did it.</summary>
    public static readonly ResponderId Bot = DueWorkService.SystemActor;

    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<AlertOutcome> ReceiveAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Action == AlertAction.Ignore)
        {
            return AlertOutcome.Ignored;
        }

        if (alert.Action == AlertAction.Acknowledge)
        {
            return await AcknowledgeAsync(alert, cancellationToken).ConfigureAwait(false);
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetCurrentInstant();
            var open = OpenIncident(alert.DedupKey);
            if (alert.Action == AlertAction.Resolve)
            {
                if (open is null)
                {
                    await WithdrawAsync(alert, now).ConfigureAwait(false);
                    return AlertOutcome.Ignored;
                }

                return await NoteAsync(open, alert, "resolved", now).ConfigureAwait(false);
            }

            if (open is not null)
            {
                return await NoteAsync(open, alert, "fired again", now).ConfigureAwait(false);
            }

            var severity = router.Route(alert);
            if (!options.Value.AutoDeclare)
            {
                return await OfferAsync(alert, severity, now).ConfigureAwait(false);
            }

            var started = alert.StartedAt is { } at && at <= now ? at : (Instant?)null;
            var declared = await declarer.DeclareAsync(
                new NewIncident(TitleOf(alert.Title), severity, "", false, false, started),
                Bot,
                new SlackChannelId(incidents.Value.AnnouncementChannel),
                now,
                $"{alert.SourceName} alert {alert.Reference}",
                i => i.OpenedByAlert(alert.DedupKey, AlertMessages.TimelineText(alert, "opened the incident"), declaredByBot: true)).ConfigureAwait(false);
            LogDeclared(alert.SourceName, declared.Id, severity.Name);
            return new AlertOutcome("declared", declared.Id);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Declares the incident an offer's button stands for, as <paramref name="user"/>, who commands it, and edits the
    /// offer (<paramref name="posted"/>, when known) to say so; null when done, else why not (someone declared it a moment ago).
    /// </summary>
    public async Task<string?> DeclareOfferAsync(AlertOffer offer, NewIncident declaration, ResponderId user, (string Channel, string Ts)? posted)
    {
        ArgumentNullException.ThrowIfNull(offer);
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (OpenIncident(offer.Key) is { } open)
            {
                return $"{open.Id} was already declared for this alert.";
            }

            var now = clock.GetCurrentInstant();
            var text = $"{offer.Reference} opened the incident: {offer.Title}";
            var declared = await declarer.DeclareAsync(declaration, user, new SlackChannelId(incidents.Value.AnnouncementChannel), now, "declare button for " + offer.Reference, i => i.OpenedByAlert(offer.Key, text, declaredByBot: false)).ConfigureAwait(false);
            await offers.DeclaredAsync(offer, declared.Id).ConfigureAwait(false);
            if (posted is var (channel, ts))
            {
                // Cosmetic, so a write of its own: should the bot stop first, the button stays and a click is told it was declared.
                var audit = new AuditEntry { At = now, User = user, Channel = new SlackChannelId(channel), IncidentId = declared.Id, Command = "declare button for " + offer.Reference, Outcome = "offer closed" };
                await store.EnqueueAsync(audit, OutboxMessage.For(declared.Id, new CloseOffer(channel, ts, messages.OfferDeclared(offer, declared, user)), now)).ConfigureAwait(false);
            }

            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The incident not yet closed (open or awaiting close) that an alert with <paramref name="key"/> opened or joined.</summary>
    public Incident? OpenIncident(string key) => store.ListOpen().FirstOrDefault(i => i.HasAlert(key));

    public void Dispose() => gate.Dispose();

    private async Task<AlertOutcome> NoteAsync(Incident open, Alert alert, string what, Instant now)
    {
        var audit = new AuditEntry { At = now, User = Bot, Channel = new SlackChannelId(open.WarRoom.ChannelId ?? ""), IncidentId = open.Id, Command = $"{alert.SourceName} alert {alert.Reference}", Outcome = what };
        var outcome = await changer.ApplyAsync(new ChangeRequest(open.Id, Bot, null, audit, Verified, latest => latest.NoteAlert(alert.DedupKey, AlertMessages.TimelineText(alert, what), Bot, now))
        {
            Also = (latest, _) => [OutboxMessage.For(latest.Id, new Post(messages.Noted(latest, alert, what)), now)],
        }).ConfigureAwait(false);
        return outcome.Refusal is not null ? AlertOutcome.Ignored : new AlertOutcome(alert.Action == AlertAction.Resolve ? "resolved" : "linked", open.Id);
    }

    private async Task<AlertOutcome> AcknowledgeAsync(Alert alert, CancellationToken cancellationToken)
    {
        // The incident the alert opened or joined, else the one the bot paged the source for (its key is the incident's id).
        IncidentId? target = OpenIncident(alert.DedupKey)?.Id
            ?? (alert.PageKey is { } key && IncidentId.TryParse(key.Trim(), out var paged) ? paged : null);
        if (target is not { } incident)
        {
            return AlertOutcome.Ignored;
        }

        var result = await acknowledgements.AcknowledgeAsync(incident, alert.SourceTitle, alert.Responder ?? "", cancellationToken).ConfigureAwait(false);
        return result switch
        {
            AcknowledgeResult.Acknowledged => new AlertOutcome("acknowledged", incident),
            AcknowledgeResult.AlreadyAcknowledged => new AlertOutcome("already acknowledged", incident),
            _ => AlertOutcome.Ignored,
        };
    }

    /// <summary>
    /// The alert resolved with no incident open for it: its offer, if any, is withdrawn, and the posted offer edited to
    /// say so with its button gone. The edit is queued before the offer goes, so a stop in between edits it twice at worst.
    /// </summary>
    private async Task WithdrawAsync(Alert alert, Instant now)
    {
        if (offers.Find(AlertOffers.IdOf(alert.DedupKey)) is { IncidentId: null, Channel: { } channel, Ts: { } ts } offer)
        {
            var audit = new AuditEntry { At = now, User = Bot, Channel = new SlackChannelId(channel), Command = $"{alert.SourceName} alert {alert.Reference}", Outcome = "offer withdrawn" };
            await store.EnqueueAsync(audit, OutboxMessage.For(OutboxMessage.NoIncident, new CloseOffer(channel, ts, messages.OfferWithdrawn(offer)), now)).ConfigureAwait(false);
        }

        await offers.WithdrawAsync(alert.DedupKey).ConfigureAwait(false);
    }

    private async Task<AlertOutcome> OfferAsync(Alert alert, Severity severity, Instant now)
    {
        if (offers.Find(AlertOffers.IdOf(alert.DedupKey)) is { IncidentId: null })
        {
            return new AlertOutcome("offered");
        }

        // The post first: should the bot stop in between, a repeat offers again rather than nobody ever being asked.
        var offer = AlertOffers.For(alert, severity, now);
        var audit = new AuditEntry { At = now, User = Bot, Channel = new SlackChannelId(incidents.Value.AnnouncementChannel), Command = $"{alert.SourceName} alert {alert.Reference}", Outcome = "offered " + severity.Name };
        await store.EnqueueAsync(audit, OutboxMessage.For(OutboxMessage.NoIncident, new PostOffer(incidents.Value.AnnouncementChannel, messages.Offer(alert, severity, offer.Id), offer.Id, offer.Offering), now)).ConfigureAwait(false);
        await offers.SaveAsync(offer).ConfigureAwait(false);
        return new AlertOutcome("offered");
    }

    /// <summary>The source's signature or token was verified before the alert got here: it may add to the record of the incident it opened.</summary>
    private static string? Verified(Incident incident, Actor actor, bool openCommands) => null;

    /// <summary>A title as short as a typed one; an alert's may be a whole paragraph.</summary>
    /// <summary>An alert's title as an incident's: on one line, and cut to the title limit with a marker rather than refused.</summary>
    private string TitleOf(string title) => IncidentLimits.Fit(title.ReplaceLineEndings(" ").Trim(), limits.Value.TitleLength);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Source} alert declared {Incident} at {Severity}")]
    private partial void LogDeclared(string source, IncidentId incident, string severity);
}
