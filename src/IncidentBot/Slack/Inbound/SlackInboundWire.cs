using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Inbound;

// The inbound payloads as Slack names their fields (SlackInboundContext); fields the bot does not read are ignored.
// An element of a list or map may be JSON null, so the types say so and the readers skip it.

/// <summary>A slash command, as form fields or as a Socket Mode envelope's JSON payload.</summary>
internal sealed record SlashCommandFields(
    string? TeamId, string? ChannelId, string? ChannelName, string? UserId, string? UserName, string? Command, string? Text, string? ResponseUrl, string? TriggerId);

internal sealed record EventCallbackEnvelope(string? EventId, string? TeamId, JsonElement? Event, IReadOnlyList<EventAuthorization?>? Authorizations);

internal sealed record EventAuthorization(string? UserId, bool IsBot);

internal sealed record ReactionFields(string? Type, string? User, string? Reaction, string? ItemUser, ReactionItem? Item, string? EventTs);

internal sealed record ReactionItem(string? Type, string? Channel, string? Ts);

/// <summary>The <c>{"id": …}</c> objects Slack uses for a payload's user, channel and view.</summary>
internal sealed record IdOnly(string? Id);

internal sealed record BlockActionsFields(
    IdOnly? User, IdOnly? Channel, ActionContainer? Container, IReadOnlyList<ActionFields?>? Actions, string? TriggerId, string? ResponseUrl, ClickedMessage? Message);

/// <summary>The message whose button was clicked, as Slack sends it with the click.</summary>
internal sealed record ClickedMessage(string? Text, JsonArray? Blocks);

internal sealed record ActionContainer(string? MessageTs, string? ChannelId);

internal sealed record ActionFields(string? ActionId, string? BlockId, string? Value, OptionFields? SelectedOption);

internal sealed record OptionFields(string? Value);

internal sealed record ViewSubmissionFields(IdOnly? User, SubmittedView? View);

internal sealed record SubmittedView(string? Id, string? CallbackId, string? PrivateMetadata, ViewState? State);

/// <summary><c>view.state.values</c>: block id → action id → the input's state.</summary>
internal sealed record ViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, InputState?>?>? Values);

internal sealed record InputState(string? Value, OptionFields? SelectedOption, IReadOnlyList<OptionFields?>? SelectedOptions, string? SelectedUser);

internal sealed record MessageShortcutFields(IdOnly? User, IdOnly? Channel, string? CallbackId, string? TriggerId, string? MessageTs, ShortcutMessage? Message);

internal sealed record ShortcutMessage(string? Ts, string? User, string? Text);

internal sealed record SocketModeFrameFields(
    string? Type, string? EnvelopeId, JsonElement? Payload, bool AcceptsResponsePayload, int? RetryAttempt, string? RetryReason, string? Reason);

/// <summary>What an Events API or interaction body is (<c>type</c>), and the URL check's <c>challenge</c>.</summary>
internal sealed record EnvelopeHead(string? Type, string? Challenge);

internal sealed record CommandReply(string ResponseType, string Text, JsonArray? Blocks);

/// <summary><c>response_action: errors</c>: block id → the message shown under that input.</summary>
internal sealed record ViewErrorsReply(string ResponseAction, IReadOnlyDictionary<string, string> Errors);

internal sealed record ChallengeReply(string Challenge);

internal sealed record SocketModeAck(string EnvelopeId, JsonObject? Payload);
