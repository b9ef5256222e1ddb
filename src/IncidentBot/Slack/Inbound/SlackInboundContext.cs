using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// What Slack sends the bot, and the bot's direct answers to it, read and written by generated code with Slack's snake_case names: the slash command's fields, the
/// event_callback envelope, block_actions, view_submission and message_action interactions, reactions, and Socket Mode frames. Every
/// field is optional on the wire; the public records (<see cref="SlashCommand"/>, <see cref="SlackEvent"/> …) say which
/// ones a payload needs. An event's own body (<see cref="SlackEvent.Event"/>) and a frame's payload stay
/// <see cref="System.Text.Json.JsonElement"/>: their shape depends on their type, and each handler reads its own. The
/// answers (a command's reply, a form's errors, the URL check, a Socket Mode acknowledgement) leave as
/// <see cref="System.Text.Json.Nodes.JsonObject"/>, the one type both transports carry, and their blocks are Block Kit.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlashCommandFields))]
[JsonSerializable(typeof(EventCallbackEnvelope))]
[JsonSerializable(typeof(ReactionFields))]
[JsonSerializable(typeof(BlockActionsFields))]
[JsonSerializable(typeof(ViewSubmissionFields))]
[JsonSerializable(typeof(MessageShortcutFields))]
[JsonSerializable(typeof(SocketModeFrameFields))]
[JsonSerializable(typeof(EnvelopeHead))]
[JsonSerializable(typeof(CommandReply))]
[JsonSerializable(typeof(ViewErrorsReply))]
[JsonSerializable(typeof(ChallengeReply))]
[JsonSerializable(typeof(SocketModeAck))]
internal sealed partial class SlackInboundContext : JsonSerializerContext;
