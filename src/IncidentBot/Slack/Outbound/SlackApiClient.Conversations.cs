
namespace IncidentBot.Slack.Outbound;

/// <summary>The conversations.* methods: making, joining, describing, archiving and reading channels.</summary>
public sealed partial class SlackApiClient
{
    public async Task<SlackChannel> CreateConversationAsync(string name, bool isPrivate, CancellationToken cancellationToken)
    {
        var answer = await JsonAsync("conversations.create", new CreateConversationRequest(name, isPrivate), Wire.CreateConversationRequest, Wire.ChannelResponse, cancellationToken).ConfigureAwait(false);
        return ReadChannel(Required(answer.Channel, "channel"));
    }

    public async Task InviteToConversationAsync(SlackChannelId channel, IReadOnlyCollection<SlackUserId> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var chunk in users.Select(u => u.Value).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var request = new InviteRequest(channel.Value, string.Join(',', chunk));
            await JsonAsync("conversations.invite", request, Wire.InviteRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<SlackChannelId> OpenDirectMessageAsync(SlackUserId user, CancellationToken cancellationToken)
    {
        var answer = await JsonAsync("conversations.open", new OpenConversationRequest(user.Value), Wire.OpenConversationRequest, Wire.ChannelResponse, cancellationToken).ConfigureAwait(false);
        return new SlackChannelId(Required(Required(answer.Channel, "channel").Id, "id"));
    }

    public async Task SetTopicAsync(SlackChannelId channel, string topic, CancellationToken cancellationToken)
    {
        var request = new SetTopicRequest(channel.Value, SlackText.Fit(topic, SlackLimits.Topic));
        await JsonAsync("conversations.setTopic", request, Wire.SetTopicRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetPurposeAsync(SlackChannelId channel, string purpose, CancellationToken cancellationToken)
    {
        var request = new SetPurposeRequest(channel.Value, SlackText.Fit(purpose, SlackLimits.Purpose));
        await JsonAsync("conversations.setPurpose", request, Wire.SetPurposeRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task ArchiveConversationAsync(SlackChannelId channel, CancellationToken cancellationToken) =>
        await JsonAsync("conversations.archive", new ChannelRequest(channel.Value), Wire.ChannelRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);

    public async Task<SlackChannelPage> ListConversationsAsync(string types, string? cursor, CancellationToken cancellationToken)
    {
        var request = new ListConversationsRequest(types, ExcludeArchived: true, Limit: 200, string.IsNullOrEmpty(cursor) ? null : cursor);
        var answer = await FormAsync("conversations.list", request, Wire.ListConversationsRequest, Wire.ChannelListResponse, cancellationToken).ConfigureAwait(false);
        return new SlackChannelPage([.. (answer.Channels ?? []).Select(ReadChannel)], answer.ResponseMetadata?.NextCursor ?? "");
    }

    public async Task<IReadOnlyList<SlackHistoryMessage>> GetHistoryAsync(SlackChannelId channel, string? oldest, int limit, CancellationToken cancellationToken)
    {
        var request = new HistoryRequest(channel.Value, Latest: null, string.IsNullOrEmpty(oldest) ? null : oldest, Inclusive: null, limit, IncludeAllMetadata: true);
        var answer = await FormAsync("conversations.history", request, Wire.HistoryRequest, Wire.MessagesResponse, cancellationToken).ConfigureAwait(false);
        return ReadMessages(answer);
    }

    public async Task<SlackHistoryMessage?> GetMessageAsync(SlackChannelId channel, string ts, CancellationToken cancellationToken)
    {
        var request = new HistoryRequest(channel.Value, Latest: ts, Oldest: ts, Inclusive: true, Limit: 1, IncludeAllMetadata: null);
        var answer = await FormAsync("conversations.history", request, Wire.HistoryRequest, Wire.MessagesResponse, cancellationToken).ConfigureAwait(false);
        return ReadMessages(answer).FirstOrDefault(m => m.Ts == ts);
    }

    public async Task<IReadOnlyList<SlackHistoryMessage>> GetRepliesAsync(SlackChannelId channel, string threadTs, CancellationToken cancellationToken)
    {
        var request = new RepliesRequest(channel.Value, threadTs, IncludeAllMetadata: true);
        var answer = await FormAsync("conversations.replies", request, Wire.RepliesRequest, Wire.MessagesResponse, cancellationToken).ConfigureAwait(false);
        return ReadMessages(answer);
    }

    private static SlackChannel ReadChannel(WireChannel c) =>
        new(new SlackChannelId(Required(c.Id, "id")), c.Name ?? "", c.Creator is { Length: > 0 } creator ? new SlackUserId(creator) : null, c.IsPrivate, c.IsArchived);

    private static List<SlackHistoryMessage> ReadMessages(MessagesResponse answer) =>
        [.. (answer.Messages ?? []).Select(m => new SlackHistoryMessage(Required(m.Ts, "ts"), m.User, m.BotId, m.Text ?? "", m.ThreadTs, m.Metadata))];
}
