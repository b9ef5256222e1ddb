using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// The Slack Web API methods the bot uses, typed. Every method throws <see cref="SlackApiException"/> with
/// Slack's error code when Slack answers <c>ok:false</c>; rate limits (429 + Retry-After), 5xx answers and
/// timeouts are retried inside the implementation and surface as a transient <see cref="SlackApiException"/>
/// only when the retries run out.
/// </summary>
public interface ISlackApi
{
    /// <summary>auth.test: the bot's own user id, so it can recognise channels and messages it made.</summary>
    Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken);

    /// <summary>conversations.create.</summary>
    Task<SlackChannel> CreateConversationAsync(string name, bool isPrivate, CancellationToken cancellationToken);

    /// <summary>conversations.invite; at most 100 users a call (Slack's limit).</summary>
    Task InviteToConversationAsync(SlackChannelId channel, IReadOnlyCollection<SlackUserId> users, CancellationToken cancellationToken);

    /// <summary>conversations.open of the bot's direct message with <paramref name="user"/> (the same one every time); returns its id.</summary>
    Task<SlackChannelId> OpenDirectMessageAsync(SlackUserId user, CancellationToken cancellationToken);

    /// <summary>conversations.setTopic; <paramref name="topic"/> (escaped mrkdwn) is cut to <see cref="SlackLimits.Topic"/>.</summary>
    Task SetTopicAsync(SlackChannelId channel, string topic, CancellationToken cancellationToken);

    /// <summary>conversations.setPurpose; <paramref name="purpose"/> (escaped mrkdwn) is cut to <see cref="SlackLimits.Purpose"/>.</summary>
    Task SetPurposeAsync(SlackChannelId channel, string purpose, CancellationToken cancellationToken);

    /// <summary>conversations.archive.</summary>
    Task ArchiveConversationAsync(SlackChannelId channel, CancellationToken cancellationToken);

    /// <summary>conversations.list, one page; <paramref name="types"/> such as <c>public_channel,private_channel</c>.</summary>
    Task<SlackChannelPage> ListConversationsAsync(string types, string? cursor, CancellationToken cancellationToken);

    /// <summary>conversations.history with message metadata included, newest first.</summary>
    Task<IReadOnlyList<SlackHistoryMessage>> GetHistoryAsync(SlackChannelId channel, string? oldest, int limit, CancellationToken cancellationToken);

    /// <summary>One message by its ts (conversations.history with latest = oldest = ts, inclusive); null when it is not a top-level message there.</summary>
    Task<SlackHistoryMessage?> GetMessageAsync(SlackChannelId channel, string ts, CancellationToken cancellationToken);

    /// <summary>conversations.replies: a thread's parent and replies.</summary>
    Task<IReadOnlyList<SlackHistoryMessage>> GetRepliesAsync(SlackChannelId channel, string threadTs, CancellationToken cancellationToken);

    /// <summary>chat.postMessage.</summary>
    Task<SlackPostedMessage> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken);

    /// <summary>chat.update of the message at <paramref name="ts"/>.</summary>
    Task UpdateMessageAsync(SlackMessage message, string ts, CancellationToken cancellationToken);

    /// <summary>chat.postEphemeral: a message only <paramref name="user"/> sees.</summary>
    Task PostEphemeralAsync(SlackMessage message, SlackUserId user, CancellationToken cancellationToken);

    /// <summary>
    /// POSTs <paramref name="text"/> to the <paramref name="responseUrl"/> of a click or command, as a new ephemeral message
    /// to that person: it reaches them where chat.postEphemeral cannot (<c>user_not_in_channel</c>). Not a Web API
    /// method: no bot token; only Slack's hooks host (or the host of <c>Slack:ApiBaseUrl</c>) is posted to.
    /// </summary>
    Task RespondEphemeralAsync(Uri responseUrl, string text, CancellationToken cancellationToken);

    /// <summary>chat.getPermalink.</summary>
    Task<Uri> GetPermalinkAsync(SlackChannelId channel, string ts, CancellationToken cancellationToken);

    /// <summary>pins.add.</summary>
    Task AddPinAsync(SlackChannelId channel, string ts, CancellationToken cancellationToken);

    /// <summary>bookmarks.add of a link.</summary>
    Task AddBookmarkAsync(SlackChannelId channel, string title, Uri link, CancellationToken cancellationToken);

    /// <summary>reactions.add.</summary>
    Task AddReactionAsync(SlackChannelId channel, string ts, string name, CancellationToken cancellationToken);

    /// <summary>reactions.remove of the bot's own reaction.</summary>
    Task RemoveReactionAsync(SlackChannelId channel, string ts, string name, CancellationToken cancellationToken);

    /// <summary>users.info.</summary>
    Task<SlackUser> GetUserInfoAsync(SlackUserId user, CancellationToken cancellationToken);

    /// <summary>usergroups.users.list: the members of a user group (S…); needs <c>usergroups:read</c>.</summary>
    Task<IReadOnlyList<SlackUserId>> ListUserGroupMembersAsync(string userGroup, CancellationToken cancellationToken);

    /// <summary>usergroups.list: the workspace's user groups with their handles; needs <c>usergroups:read</c>.</summary>
    Task<IReadOnlyList<SlackUserGroup>> ListUserGroupsAsync(CancellationToken cancellationToken);

    /// <summary>users.lookupByEmail: the Slack user with this email; null when there is none. Needs <c>users:read.email</c>.</summary>
    Task<SlackUserId?> LookupUserByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>views.open with a trigger id (valid for 3 s); returns the view id.</summary>
    Task<string> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken);

    /// <summary>views.update of an open view.</summary>
    Task UpdateViewAsync(string viewId, JsonObject view, CancellationToken cancellationToken);

    /// <summary>views.publish of <paramref name="user"/>'s App Home tab (a view of type <c>home</c>); needs no trigger and no scope.</summary>
    Task PublishViewAsync(SlackUserId user, JsonObject view, CancellationToken cancellationToken);

    /// <summary>files.getUploadURLExternal: reserves a file of <paramref name="length"/> bytes; nothing is shared yet.</summary>
    Task<SlackUploadTarget> GetUploadUrlExternalAsync(string filename, int length, CancellationToken cancellationToken);

    /// <summary>
    /// POSTs the file's raw bytes to the address from <see cref="GetUploadUrlExternalAsync"/>. Not a Web API method:
    /// the address is absolute, the bot token is not sent there, and HTTP 200 (not an <c>ok</c> field) means stored.
    /// </summary>
    Task UploadFileAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken);

    /// <summary>
    /// files.completeUploadExternal: finishes the uploads and shares the files in <paramref name="channel"/>; the first
    /// file's permalink when Slack's answer carries one (its documented answer names only id and title).
    /// </summary>
    Task<Uri?> CompleteUploadExternalAsync(IReadOnlyList<SlackUploadedFile> files, SlackChannelId channel, string? initialComment, CancellationToken cancellationToken);

    /// <summary>files.info (scope <c>files:read</c>): the file's permalink, the address that opens it in Slack.</summary>
    Task<Uri> GetFilePermalinkAsync(string fileId, CancellationToken cancellationToken);
}
