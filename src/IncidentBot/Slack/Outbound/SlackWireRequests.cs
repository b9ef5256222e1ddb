using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Outbound;

// The arguments of each Web API method, in the order the bot has always sent them. Writes go as JSON; reads go as a
// form whose fields are these records' properties by their wire names (SlackApiClient.FormAsync).

/// <summary>auth.test takes none.</summary>
internal sealed record NoArguments;

internal sealed record CreateConversationRequest(string Name, bool IsPrivate);

internal sealed record InviteRequest(string Channel, string Users);

internal sealed record OpenConversationRequest(string Users);

internal sealed record SetTopicRequest(string Channel, string Topic);

internal sealed record SetPurposeRequest(string Channel, string Purpose);

/// <summary>conversations.archive: the channel alone.</summary>
internal sealed record ChannelRequest(string Channel);

internal sealed record ListConversationsRequest(string Types, bool ExcludeArchived, int Limit, string? Cursor);

internal sealed record HistoryRequest(string Channel, string? Latest, string? Oldest, bool? Inclusive, int Limit, bool? IncludeAllMetadata);

internal sealed record RepliesRequest(string Channel, string Ts, bool IncludeAllMetadata);

/// <summary>chat.postMessage, and with <see cref="Ts"/> chat.update, with <see cref="User"/> chat.postEphemeral.</summary>
internal sealed record ChatMessageRequest(
    string Channel, string Text, JsonArray? Blocks, string? ThreadTs, JsonObject? Metadata, bool? LinkNames, string? Ts = null, string? User = null);

internal sealed record PermalinkRequest(string Channel, string MessageTs);

internal sealed record PinRequest(string Channel, string Timestamp);

internal sealed record BookmarkRequest(string ChannelId, string Title, string Type, string Link);

internal sealed record ReactionRequest(string Channel, string Timestamp, string Name);

internal sealed record UserRequest(string User);

internal sealed record UserGroupRequest(string Usergroup);

internal sealed record EmailRequest(string Email);

internal sealed record OpenViewRequest(string TriggerId, JsonObject View);

internal sealed record UpdateViewRequest(string ViewId, JsonObject View);

internal sealed record PublishViewRequest(string UserId, JsonObject View);

internal sealed record UploadUrlRequest(string Filename, int Length);

internal sealed record CompleteUploadRequest(IReadOnlyList<UploadedFileArgument> Files, string ChannelId, string? InitialComment);

internal sealed record UploadedFileArgument(string Id, string Title);

internal sealed record FileInfoRequest(string File);
