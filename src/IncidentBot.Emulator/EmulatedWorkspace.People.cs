using System.Text.Json.Nodes;

namespace IncidentBot.Emulator;

/// <summary>What people do: post, react, pin, answer modals.</summary>
public sealed partial class EmulatedWorkspace
{
    /// <summary>A person's message; posting in a public channel joins it, as Slack offers to.</summary>
    public void PostAs(EmulatedUser user, string channelId, string text, string? threadTs) => Change(() =>
    {
        var channel = channels.FindById(channelId) ?? throw new SlackErrorException("channel_not_found");
        if (channel.IsArchived)
        {
            throw new SlackErrorException("is_archived");
        }

        if (!channel.Members.Contains(user.Id))
        {
            if (channel.IsPrivate)
            {
                throw new SlackErrorException("not_in_channel");
            }

            channel.Members.Add(user.Id);
            channels.Update(channel);
        }

        if (threadTs is not null)
        {
            threadTs = Message(channel, threadTs).ThreadTs ?? threadTs;
        }

        var message = new EmulatedMessage { Channel = channel.Id, Ts = NextTs(), User = user.Id, Text = text, ThreadTs = threadTs };
        message.Id = EmulatedMessage.IdOf(channel.Id, message.Ts);
        messages.Insert(message);
        Tell(channel, MessageEvent(message));
    });

    /// <summary>Adds <paramref name="name"/> to a message, or takes it off when this person already reacted with it.</summary>
    public void ToggleReaction(EmulatedUser user, string channelId, string ts, string name) => Change(() =>
    {
        var channel = channels.FindById(channelId) ?? throw new SlackErrorException("channel_not_found");
        var message = Message(channel, ts);
        if (message.Reactions.Find(r => r.Name == name)?.Users.Contains(user.Id) == true)
        {
            RemoveReaction(channel, message, name, user.Id);
        }
        else
        {
            AddReaction(channel, message, name, user.Id);
        }
    });

    public void PinAs(EmulatedUser user, string channelId, string ts) => Change(() =>
    {
        var channel = channels.FindById(channelId) ?? throw new SlackErrorException("channel_not_found");
        PinMessage(channel, Message(channel, ts), user.Id);
    });

    /// <summary>An answer only <paramref name="user"/> sees, from the bot or from Slackbot.</summary>
    public void Whisper(string channelId, string user, string from, string text, JsonArray? blocks) =>
        Change(() => AddEphemeral(channelId, user, from, text, blocks?.ToJsonString(), threadTs: null));

    /// <summary>A slash command's <c>in_channel</c> answer: a message of the bot that everyone sees.</summary>
    public void PostReply(string channelId, string text, JsonArray? blocks) => Change(() =>
    {
        var channel = channels.FindById(channelId) ?? throw new SlackErrorException("channel_not_found");
        var message = new EmulatedMessage { Channel = channel.Id, Ts = NextTs(), User = BotUserId, IsBot = true, Text = text, Blocks = blocks?.ToJsonString() };
        message.Id = EmulatedMessage.IdOf(channel.Id, message.Ts);
        messages.Insert(message);
    });

    /// <summary>A message as Slack puts it in a block_actions payload; an ephemeral one for its owner only.</summary>
    public JsonObject? MessagePayload(string channelId, string ts, string user)
    {
        lock (gate)
        {
            if (messages.FindById(EmulatedMessage.IdOf(channelId, ts)) is { } message)
            {
                return MessageJson(message);
            }

            return ephemerals.FindOne(e => e.Channel == channelId && e.Ts == ts && e.User == user) is { } ephemeral
                ? new JsonObject { ["type"] = "message", ["text"] = ephemeral.Text, ["ts"] = ephemeral.Ts, ["blocks"] = Parse(ephemeral.Blocks) }
                : null;
        }
    }

    /// <summary>An open modal of <paramref name="user"/>; null when it is closed or someone else's.</summary>
    public EmulatedView? OpenViewOf(string viewId, string user)
    {
        lock (gate)
        {
            return views.FindById(viewId) is { IsOpen: true } view && view.User == user ? view : null;
        }
    }

    public void CloseView(string viewId) => Change(() =>
    {
        if (views.FindById(viewId) is { } view)
        {
            view.IsOpen = false;
            views.Update(view);
        }
    });

    /// <summary>A view_submission answered <c>response_action: update</c>: the modal shows the new view.</summary>
    public void ReplaceView(string viewId, JsonObject view) => Change(() =>
    {
        if (views.FindById(viewId) is { } stored)
        {
            stored.View = view.ToJsonString();
            views.Update(stored);
        }
    });

    /// <summary>The view for the bot's view_submission payload: the stored view with its id and the person's input as state.</summary>
    public JsonObject SubmittedView(EmulatedView view, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(view);
        var json = ViewJson(view.Id, (JsonObject)JsonNode.Parse(view.View)!);
        json["state"] = new JsonObject { ["values"] = values.DeepClone() };
        json["hash"] = view.Id.ToLowerInvariant();
        return json;
    }

    private void Change(Action change)
    {
        lock (gate)
        {
            change();
            changed();
        }
    }
}
