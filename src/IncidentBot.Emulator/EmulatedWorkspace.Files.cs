using System.Text.Json.Nodes;

namespace IncidentBot.Emulator;

/// <summary>files.*: Slack's upload flow. Reserve a file and an upload URL, receive the bytes there, then share it as a message.</summary>
public sealed partial class EmulatedWorkspace
{
    /// <summary>The bytes POSTed to a file's upload URL; false for an unknown file or a length other than the one reserved.</summary>
    public bool Receive(string fileId, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (gate)
        {
            var file = files.FindById(fileId);
            if (file is null || file.Length != content.Length)
            {
                return false;
            }

            file.Content = content;
            files.Update(file);
            return true;
        }
    }

    /// <summary>A shared file, for the page to open; null when there is none or it is not shared yet.</summary>
    public EmulatedFile? SharedFile(string fileId)
    {
        lock (gate)
        {
            return files.FindById(fileId) is { Channel: not null, Content: not null } file ? file : null;
        }
    }

    private JsonObject GetUploadUrl(JsonObject args)
    {
        var name = SlackArgs.Given(args, "filename");
        var length = SlackArgs.Number(args, "length");
        if (name is null || length is null)
        {
            throw new SlackErrorException("invalid_arguments");
        }

        if (length == 0)
        {
            throw new SlackErrorException("missing_argument");
        }

        var file = new EmulatedFile { Id = NewId('F'), Name = name, Title = name, Length = length.Value };
        files.Insert(file);
        return new JsonObject { ["ok"] = true, ["upload_url"] = new Uri(profile.UploadUrl, file.Id).ToString(), ["file_id"] = file.Id };
    }

    /// <summary>Shares each file once, as a message of the bot with the file attached; completing it again changes nothing.</summary>
    private JsonObject CompleteUpload(JsonObject args)
    {
        if (SlackArgs.Structured(args, "files") is not JsonArray { Count: > 0 } list || list.Any(f => f is not JsonObject))
        {
            throw new SlackErrorException("invalid_arguments");
        }

        var channel = Channel(args, "channel_id", writable: true);
        var wanted = list.Select(f => (Id: SlackArgs.Text((JsonObject)f!, "id") ?? "", Title: SlackArgs.Given((JsonObject)f!, "title"))).ToList();
        var found = wanted.Select(w => (File: files.FindById(w.Id), w.Title)).ToList();
        if (found.Any(f => f.File?.Content is null))
        {
            throw new SlackErrorException("file_not_found");
        }

        var shared = new JsonArray();
        foreach (var (file, title) in found)
        {
            if (file!.Channel is null)
            {
                file.Channel = channel.Id;
                file.Title = title ?? file.Name;
                file.InitialComment = SlackArgs.Given(args, "initial_comment");
                files.Update(file);
                var message = new EmulatedMessage
                {
                    Channel = channel.Id, Ts = NextTs(), User = BotUserId, IsBot = true,
                    Text = file.InitialComment ?? "", FileId = file.Id,
                };
                message.Id = EmulatedMessage.IdOf(channel.Id, message.Ts);
                messages.Insert(message);
            }

            shared.Add(Describe(file));
        }

        return new JsonObject { ["ok"] = true, ["files"] = shared };
    }

    /// <summary>files.info: the file as <see cref="CompleteUpload"/> describes it; one never shared is not found.</summary>
    private JsonObject FileInfo(JsonObject args) =>
        files.FindById(SlackArgs.Text(args, "file") ?? "") is { Channel: not null } file
            ? new JsonObject { ["ok"] = true, ["file"] = Describe(file) }
            : throw new SlackErrorException("file_not_found");

    /// <summary>A shared file with its permalink in Slack's shape, on the sandbox's own address.</summary>
    private JsonObject Describe(EmulatedFile file) => new()
    {
        ["id"] = file.Id, ["name"] = file.Name, ["title"] = file.Title, ["size"] = file.Length, ["channels"] = new JsonArray(file.Channel),
        ["permalink"] = $"{profile.Url}files/{BotUserId}/{file.Id}/{Uri.EscapeDataString(file.Name)}",
    };
}
