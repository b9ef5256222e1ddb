using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// The Web API's bodies as the bot sends and reads them, serialized by generated code: snake_case names (so
/// <c>ThreadTs</c> is <c>thread_ts</c>), absent optional arguments left out rather than sent as <c>null</c>, and fields
/// the bot does not read ignored. Block Kit (<c>blocks</c>, <c>view</c>) and message metadata stay
/// <see cref="System.Text.Json.Nodes.JsonNode"/> trees inside these records: Block Kit is open-ended, so the wire model
/// types the Web API method and leaves the layout to <see cref="Blocks.BlockKit"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(ChannelResponse))]
[JsonSerializable(typeof(ChannelListResponse))]
[JsonSerializable(typeof(MessagesResponse))]
[JsonSerializable(typeof(PostedResponse))]
[JsonSerializable(typeof(PermalinkResponse))]
[JsonSerializable(typeof(UserInfoResponse))]
[JsonSerializable(typeof(UserGroupMembersResponse))]
[JsonSerializable(typeof(UserGroupsResponse))]
[JsonSerializable(typeof(ViewResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(CompleteUploadResponse))]
[JsonSerializable(typeof(FileInfoResponse))]
[JsonSerializable(typeof(AppsConnectionsOpenResponse))]
[JsonSerializable(typeof(NoArguments))]
[JsonSerializable(typeof(CreateConversationRequest))]
[JsonSerializable(typeof(InviteRequest))]
[JsonSerializable(typeof(OpenConversationRequest))]
[JsonSerializable(typeof(SetTopicRequest))]
[JsonSerializable(typeof(SetPurposeRequest))]
[JsonSerializable(typeof(ChannelRequest))]
[JsonSerializable(typeof(ListConversationsRequest))]
[JsonSerializable(typeof(HistoryRequest))]
[JsonSerializable(typeof(RepliesRequest))]
[JsonSerializable(typeof(ChatMessageRequest))]
[JsonSerializable(typeof(PermalinkRequest))]
[JsonSerializable(typeof(PinRequest))]
[JsonSerializable(typeof(BookmarkRequest))]
[JsonSerializable(typeof(ReactionRequest))]
[JsonSerializable(typeof(UserRequest))]
[JsonSerializable(typeof(UserGroupRequest))]
[JsonSerializable(typeof(EmailRequest))]
[JsonSerializable(typeof(OpenViewRequest))]
[JsonSerializable(typeof(UpdateViewRequest))]
[JsonSerializable(typeof(PublishViewRequest))]
[JsonSerializable(typeof(UploadUrlRequest))]
[JsonSerializable(typeof(CompleteUploadRequest))]
[JsonSerializable(typeof(FileInfoRequest))]
internal sealed partial class SlackWireContext : JsonSerializerContext;
