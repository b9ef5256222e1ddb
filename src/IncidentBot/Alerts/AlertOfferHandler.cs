using System.Text.Json.Nodes;
using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;

namespace IncidentBot.Alerts;

/// <summary>
/// The "Declare incident" button of an alert on offer (AutoDeclare off): it opens the declaration form with the alert's
/// title and routed severity filled in (views.open must happen inside Slack's 3 s, so on the request), and the form
/// declares as the person who submits it, who commands the incident; its alert's repeats then join it.
/// </summary>
public sealed class AlertOfferHandler(AlertOffers offers, AlertIntake intake, IncidentDeclarer declarer, SeverityScheme scheme, ISlackApi slack) : IBlockActionHandler, IViewSubmissionHandler
{
    public const string DeclareAction = "alert_declare";
    public const string ModalCallbackId = "alert_declare";
    public const string TitleBlock = "title";
    public const string SeverityBlock = "severity";
    public const string ImpactBlock = "impact";

    /// <summary>The answer to a click on an offer no longer open: its alert resolved before anyone declared.</summary>
    public const string StaleOffer = "This alert is no longer on offer: it resolved at the source before anyone declared; nothing to do. Should it fire again, it is offered again.";

    public IReadOnlyCollection<string> ActionIds { get; } = [DeclareAction];

    public string CallbackId => ModalCallbackId;

    public string? FailureBlockId => TitleBlock;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        if (action.Value is not { } id || offers.Find(id) is not { } offer)
        {
            // A button left from before the offer was withdrawn (or the edit saying so is still on its way).
            await StaleAsync(payload, cancellationToken).ConfigureAwait(false);
            return;
        }

        var posted = payload.ChannelId is { } channel && payload.MessageTs is { } ts ? $" {channel.Value} {ts}" : "";
        await slack.OpenViewAsync(payload.TriggerId, Form(offer, offer.Id + posted), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = payload.Values.GetValueOrDefault(TitleBlock, "").Trim();
        var metadata = payload.PrivateMetadata.Split(' ');
        if (offers.Find(metadata[0]) is not { } offer)
        {
            errors[TitleBlock] = "This alert is no longer on offer; declare with `/incident create` instead.";
            return errors;
        }

        if (title.Length == 0)
        {
            errors[TitleBlock] = "Give the incident a title.";
            return errors;
        }

        var severity = scheme.Find(payload.Values.GetValueOrDefault(SeverityBlock, "")) ?? scheme.Named(offer.Severity);
        var declaration = new NewIncident(title, severity, payload.Values.GetValueOrDefault(ImpactBlock, ""), false, false, null);
        if (declarer.Refusal(declaration) is { } tooLong)
        {
            errors[declarer.Refusal(declaration with { Impact = "" }) is null ? ImpactBlock : TitleBlock] = char.ToUpperInvariant(tooLong[0]) + tooLong[1..] + ".";
            return errors;
        }

        (string, string)? posted = metadata.Length == 3 ? (metadata[1], metadata[2]) : null;
        if (await intake.DeclareOfferAsync(offer, declaration, new ResponderId(payload.UserId.Value), posted).ConfigureAwait(false) is { } refusal)
        {
            errors[TitleBlock] = refusal;
        }

        return errors;
    }

    /// <summary>Tells the clicker, where they clicked, that the alert is no longer on offer.</summary>
    private async Task StaleAsync(BlockActionsPayload payload, CancellationToken cancellationToken)
    {
        if (payload.ChannelId is { } channel)
        {
            try
            {
                await slack.PostEphemeralAsync(new SlackMessage(channel, StaleOffer), payload.UserId, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException ex) when (ex.Error == "user_not_in_channel" && payload.ResponseUri is { } responseUrl)
            {
                // Clicked in a channel they have not joined: the click's own address still reaches them.
                await slack.RespondEphemeralAsync(responseUrl, StaleOffer, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await slack.OpenViewAsync(payload.TriggerId, BlockKit.Notice("Nothing to do", StaleOffer), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The form, remembering in <paramref name="metadata"/> the offer and where its message is: <c>id [channel ts]</c>.</summary>
    private JsonObject Form(AlertOffer offer, string metadata)
    {
        var max = Math.Min(declarer.TitleLength, 3000);
        var titleInput = BlockKit.TextInput(TitleBlock, "Title", "title_input", multiline: false, optional: false, max);
        titleInput["element"]!["initial_value"] = SlackText.Truncate(offer.Title, max);
        var blocks = new JsonArray(
            BlockKit.Context(SlackText.Escape($"From {offer.Reference}. You will command the incident.")),
            titleInput,
            BlockKit.StaticSelect(SeverityBlock, "Severity", "severity_select", scheme.Levels.Select(l => (SlackText.Truncate($"{l.Name} · {l.Description}", 75), l.Name)), scheme.Named(offer.Severity).Name),
            BlockKit.TextInput(ImpactBlock, "Impact", "impact_input", multiline: true, optional: true, TemplateModels.ImpactMax, "Who is affected, and how?"));
        return BlockKit.Modal(ModalCallbackId, "Declare an incident", "Declare", blocks, metadata);
    }
}
