using System.Text.Json;

namespace IncidentBot.Slack.Outbound;

// What the bot reads of each Web API answer. Every field is optional here, as Slack leaves fields out freely; the
// client says which ones it needs (SlackApiClient.Required).

/// <summary>Every answer's envelope: <c>ok</c>, and Slack's error code when it is false.</summary>
internal record SlackResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    /// <summary>With <c>missing_scope</c>: the scope the call needs.</summary>
    public string? Needed { get; init; }
}

internal sealed record AuthTestResponse : SlackResponse
{
    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? BotId { get; init; }
}

internal sealed record WireChannel(string? Id, string? Name, string? Creator, bool IsPrivate, bool IsArchived);

internal sealed record ChannelResponse : SlackResponse
{
    public WireChannel? Channel { get; init; }
}

internal sealed record ResponseMetadata(string? NextCursor);

internal sealed record ChannelListResponse : SlackResponse
{
    public IReadOnlyList<WireChannel>? Channels { get; init; }

    public ResponseMetadata? ResponseMetadata { get; init; }
}

internal sealed record WireMessage(string? Ts, string? User, string? BotId, string? Text, string? ThreadTs, JsonElement? Metadata);

internal sealed record MessagesResponse : SlackResponse
{
    public IReadOnlyList<WireMessage>? Messages { get; init; }
}

/// <summary>chat.postMessage's answer: where the message went.</summary>
internal sealed record PostedResponse : SlackResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

internal sealed record PermalinkResponse : SlackResponse
{
    public string? Permalink { get; init; }
}

internal sealed record WireUser(string? Id, string? Name, string? RealName, string? Tz, bool IsBot);

internal sealed record UserInfoResponse : SlackResponse
{
    public WireUser? User { get; init; }
}

internal sealed record WireUserGroup(string? Id, string? Handle);

internal sealed record UserGroupsResponse : SlackResponse
{
    public IReadOnlyList<WireUserGroup>? Usergroups { get; init; }
}

internal sealed record UserGroupMembersResponse : SlackResponse
{
    public IReadOnlyList<string>? Users { get; init; }
}

internal sealed record WireView(string? Id);

internal sealed record ViewResponse : SlackResponse
{
    public WireView? View { get; init; }
}

internal sealed record UploadUrlResponse : SlackResponse
{
    public string? UploadUrl { get; init; }

    public string? FileId { get; init; }
}

/// <summary>A file as files.completeUploadExternal and files.info describe it; Slack documents <c>permalink</c> for files.info only.</summary>
internal sealed record WireFile(string? Id, string? Permalink);

internal sealed record CompleteUploadResponse : SlackResponse
{
    public IReadOnlyList<WireFile>? Files { get; init; }
}

internal sealed record FileInfoResponse : SlackResponse
{
    public WireFile? File { get; init; }
}

/// <summary>apps.connections.open's answer: the single-use Socket Mode address.</summary>
internal sealed record AppsConnectionsOpenResponse : SlackResponse
{
    public string? Url { get; init; }
}
