using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// What Slack sends the bot, read by generated code with Slack's snake_case names: the slash command's fields, the
/// event_callback envelope, block_actions and view_submission interactions, reactions, and Socket Mode frames. Every
/// field is optional on the wire; the public records (<see cref="SlashCommand"/>, <see cref="SlackEvent"/> …) say which
/// ones a payload needs. An event's own body (<see cref="SlackEvent.Event"/>) and a frame's payload stay
/// <see cref="System.Text.Json.JsonElement"/>: their shape depends on their type, and each handler reads its own.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SlashCommandFields))]
[JsonSerializable(typeof(EventCallbackEnvelope))]
[JsonSerializable(typeof(ReactionFields))]
[JsonSerializable(typeof(BlockActionsFields))]
[JsonSerializable(typeof(ViewSubmissionFields))]
[JsonSerializable(typeof(SocketModeFrameFields))]
internal sealed partial class SlackInboundContext : JsonSerializerContext;
