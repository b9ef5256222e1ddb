using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.StatusPages;

/// <summary>
/// <c>/incident statuspage</c>: the comms lead or the commander gets a form prefilled with customer-facing text for the
/// incident's status (<c>statuspage-&lt;status&gt;.sbn</c>); on submit the text goes to the status-page channel for
/// the comms team, onto the timeline, and out as a <see cref="DraftEvent"/> event. Nothing is published by the bot.
/// </summary>
public sealed class StatusPageHandler(
    IncidentActions actions,
    IIncidentStore store,
    IncidentChanger changer,
    IncidentMessages messages,
    MessageRenderer renderer,
    SeverityScheme scheme,
    IIncidentEventSink events,
    ISlackApi slack,
    IOptions<IncidentsOptions> options,
    IClock clock) : IIncidentCommandHandler, IViewSubmissionHandler
{
    public const string ModalCallbackId = "incident_statuspage";
    public const string TextBlock = "statuspage_text";
    public const string DraftEvent = "statuspage.draft";
    private const int TextMax = 3000;
    private const string DraftAction = "draft the status page of";

    public IReadOnlyCollection<string> Verbs { get; } = ["statuspage", "status-page"];

    public string CallbackId => ModalCallbackId;

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        if (actions.Refusal(context, incident, Authorize.Communicate(DraftAction)) is { } refusal)
        {
            await actions.AuditAsync(context, incident, "refused: not the comms lead or commander").ConfigureAwait(false);
            return new SlackReply(refusal);
        }

        var text = StatusPageModel.Text(renderer, incident, scheme.Named(incident.Severity), context.Now);
        var input = BlockKit.TextInput(TextBlock, "Status-page text", "statuspage_input", multiline: true, optional: false, TextMax);
        input["element"]!["initial_value"] = SlackText.Truncate(text, TextMax);
        var where = Destination(incident, options.Value) is { } channel ? $"the status-page channel {SlackText.Channel(channel)}" : "the war room";
        var blocks = new JsonArray(
            BlockKit.Context($"{(incident.IsDrill ? "🧪 *DRILL* · " : "")}For customers: what they experience and when the next update comes; no names, channels or internals. It goes to {where} for the comms team to publish."),
            input);
        var view = BlockKit.Modal(ModalCallbackId, "Status-page draft", "Hand over", blocks, incident.Id.Value.ToString(CultureInfo.InvariantCulture));
        try
        {
            await slack.OpenViewAsync(context.Command.TriggerId, view, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            return new SlackReply($"I could not open the status-page form (Slack said `{ex.Error}`). Try again in a moment.");
        }

        await actions.AuditAsync(context, incident, "opened the status-page form").ConfigureAwait(false);
        return new SlackReply($"Opening the status-page draft of {incident.Id}…");
    }

    public async Task<IReadOnlyDictionary<string, string>> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!int.TryParse(payload.PrivateMetadata, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || store.Find(new IncidentId(number)) is not { } incident)
        {
            errors[TextBlock] = "This form no longer matches an incident; run /incident statuspage in the war room again.";
            return errors;
        }

        var who = new ResponderId(payload.UserId.Value);
        var text = payload.Values.GetValueOrDefault(TextBlock, "").Trim();
        var now = clock.GetCurrentInstant();
        var audit = new AuditEntry { At = now, User = who, Channel = new SlackChannelId(incident.WarRoom.ChannelId ?? ""), IncidentId = incident.Id, Command = "status-page form", Outcome = "done" };

        // Checked again on the latest copy inside the write: the roles may have moved while the form was open.
        var outcome = await changer.ApplyAsync(new ChangeRequest(incident.Id, who, audit.Channel, audit, Authorize.Communicate(DraftAction), latest => latest.DraftStatusPage(text, who, now))
        {
            Also = (latest, _) =>
            [
                OutboxMessage.For(latest.Id, new PostStatusPage(messages.StatusPageDraft(latest, who, text, now)), now),
                .. events.Emit(latest, DraftEvent, new JsonObject { ["text"] = text, ["status"] = IncidentLifecycle.Word(latest.Status), ["drafted_by"] = who.Value, ["drill"] = latest.IsDrill }, now),
            ],
        }).ConfigureAwait(false);
        if (!outcome.Done)
        {
            errors[TextBlock] = SlackText.Truncate(outcome.Unauthorized ? "Not handed over. " + outcome.Refusal : $"Not handed over: {outcome.Refusal}.", 150);
        }

        return errors;
    }

    /// <summary>
    /// The status-page channel, or null for the war room: when none is set, and always for a drill or a private incident,
    /// whose title and impact reach no one outside the war room.
    /// </summary>
    public static string? Destination(Incident incident, IncidentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(options);
        var channel = options.StatusPageChannel;
        return channel.Length == 0 || incident.IsDrill || incident.IsPrivate ? null : channel;
    }
}
