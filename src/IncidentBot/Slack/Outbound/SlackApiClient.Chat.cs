using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Outbound;

/// <summary>Messages and what hangs on them: chat.*, pins, bookmarks, reactions, and the views of modals.</summary>
public sealed partial class SlackApiClient
{
    public async Task<SlackPostedMessage> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        var answer = await JsonAsync("chat.postMessage", MessageRequest(message), Wire.ChatMessageRequest, Wire.PostedResponse, cancellationToken).ConfigureAwait(false);
        return new SlackPostedMessage(new SlackChannelId(Required(answer.Channel, "channel")), Required(answer.Ts, "ts"));
    }

    public async Task UpdateMessageAsync(SlackMessage message, string ts, CancellationToken cancellationToken) =>
        await JsonAsync("chat.update", MessageRequest(message) with { Ts = ts }, Wire.ChatMessageRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);

    public async Task PostEphemeralAsync(SlackMessage message, SlackUserId user, CancellationToken cancellationToken) =>
        await JsonAsync("chat.postEphemeral", MessageRequest(message) with { User = user.Value }, Wire.ChatMessageRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);

    public async Task<Uri> GetPermalinkAsync(SlackChannelId channel, string ts, CancellationToken cancellationToken)
    {
        var answer = await FormAsync("chat.getPermalink", new PermalinkRequest(channel.Value, ts), Wire.PermalinkRequest, Wire.PermalinkResponse, cancellationToken).ConfigureAwait(false);
        return new Uri(Required(answer.Permalink, "permalink"));
    }

    public async Task AddPinAsync(SlackChannelId channel, string ts, CancellationToken cancellationToken) =>
        await JsonAsync("pins.add", new PinRequest(channel.Value, ts), Wire.PinRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);

    public async Task AddBookmarkAsync(SlackChannelId channel, string title, Uri link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var request = new BookmarkRequest(channel.Value, title, "link", link.ToString());
        await JsonAsync("bookmarks.add", request, Wire.BookmarkRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task AddReactionAsync(SlackChannelId channel, string ts, string name, CancellationToken cancellationToken) =>
        await JsonAsync("reactions.add", new ReactionRequest(channel.Value, ts, name), Wire.ReactionRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);

    public async Task RemoveReactionAsync(SlackChannelId channel, string ts, string name, CancellationToken cancellationToken) =>
        await JsonAsync("reactions.remove", new ReactionRequest(channel.Value, ts, name), Wire.ReactionRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);

    public async Task<string> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        var answer = await JsonAsync("views.open", new OpenViewRequest(triggerId, view), Wire.OpenViewRequest, Wire.ViewResponse, cancellationToken).ConfigureAwait(false);
        return Required(Required(answer.View, "view").Id, "id");
    }

    public async Task UpdateViewAsync(string viewId, JsonObject view, CancellationToken cancellationToken) =>
        await JsonAsync("views.update", new UpdateViewRequest(viewId, view), Wire.UpdateViewRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);

    public async Task PublishViewAsync(SlackUserId user, JsonObject view, CancellationToken cancellationToken) =>
        await JsonAsync("views.publish", new PublishViewRequest(user.Value, view), Wire.PublishViewRequest, Wire.SlackResponse, cancellationToken).ConfigureAwait(false);

    /// <summary>The fallback text is always sent, cut to Slack's limit; the rest only when the message has it.</summary>
    private static ChatMessageRequest MessageRequest(SlackMessage message) => new(
        message.Channel.Value,
        SlackText.Fit(message.Text, SlackLimits.MessageText),
        message.Blocks,
        message.ThreadTs,
        message.Metadata,
        message.LinkNames ? true : null);
}
