namespace IncidentBot.Emulator;

/// <summary>The workspace as its hosts read it (the sandbox's page, the tests' queries), and what they seed it with.</summary>
public sealed partial class EmulatedWorkspace
{
    /// <summary>Every channel, direct messages included, in the order they were made.</summary>
    public IReadOnlyList<EmulatedChannel> Channels()
    {
        lock (gate)
        {
            return [.. channels.FindAll().OrderBy(c => c.Created).ThenBy(c => c.Order)];
        }
    }

    /// <summary>A channel; null when there is none.</summary>
    public EmulatedChannel? FindChannel(string id)
    {
        lock (gate)
        {
            return channels.FindById(id);
        }
    }

    public EmulatedChannel? FindChannelByName(string name)
    {
        lock (gate)
        {
            return channels.FindOne(c => c.Name == name);
        }
    }

    /// <summary>A channel's messages in posting order, thread replies included.</summary>
    public IReadOnlyList<EmulatedMessage> Messages(string channelId)
    {
        lock (gate)
        {
            return MessagesIn(channelId);
        }
    }

    /// <summary>A channel's ephemeral messages in posting order, for everyone or for <paramref name="user"/> only.</summary>
    public IReadOnlyList<EmulatedEphemeral> Ephemerals(string channelId, string? user = null)
    {
        lock (gate)
        {
            return [.. ephemerals.Find(e => e.Channel == channelId).Where(e => user is null || e.User == user).OrderBy(e => e.Ts, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<EmulatedBookmark> Bookmarks(string channelId)
    {
        lock (gate)
        {
            return [.. bookmarks.Find(b => b.Channel == channelId)];
        }
    }

    /// <summary>A file by id, shared or not; null when files.getUploadURLExternal never handed it out.</summary>
    public EmulatedFile? File(string fileId)
    {
        lock (gate)
        {
            return files.FindById(fileId);
        }
    }

    /// <summary>Files shared in a channel, in sharing order.</summary>
    public IReadOnlyList<EmulatedFile> Files(string channelId)
    {
        lock (gate)
        {
            var order = MessagesIn(channelId).Where(m => m.FileId is not null).Select(m => m.FileId!).ToList();
            return [.. files.Find(f => f.Channel == channelId).OrderBy(f => order.IndexOf(f.Id))];
        }
    }

    /// <summary>The open modal of <paramref name="user"/>; null when none is open.</summary>
    public EmulatedView? OpenViewFor(string user)
    {
        lock (gate)
        {
            return views.FindOne(v => v.User == user && v.IsOpen);
        }
    }

    /// <summary>A channel that existed before the bot came: made by <paramref name="creator"/>, kept as it is when it is there already.</summary>
    public EmulatedChannel SeedChannel(string id, string name, bool isPrivate, string creator, IEnumerable<string> members, string purpose = "")
    {
        lock (gate)
        {
            if (channels.FindById(id) is { } existing)
            {
                return existing;
            }

            var channel = new EmulatedChannel
            {
                Id = id, Name = name, IsPrivate = isPrivate, Purpose = purpose, Members = [.. members.Distinct(StringComparer.Ordinal)],
                Creator = creator, Created = Now(), Order = channels.Count(),
            };
            channels.Insert(channel);
            changed();
            return channel;
        }
    }

    /// <summary>A new channel id, for <see cref="SeedChannel"/>.</summary>
    public string NewChannelId()
    {
        lock (gate)
        {
            return NewId('C');
        }
    }

    /// <summary>A message someone posted before the bot looked, as it is: no membership rule, no event.</summary>
    public EmulatedMessage SeedMessage(string channelId, string user, string text, string? threadTs)
    {
        lock (gate)
        {
            var message = new EmulatedMessage { Channel = channelId, Ts = NextTs(), User = user, IsBot = user == BotUserId, Text = text, ThreadTs = threadTs };
            message.Id = EmulatedMessage.IdOf(channelId, message.Ts);
            messages.Insert(message);
            changed();
            return message;
        }
    }
}
