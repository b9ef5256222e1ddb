using IncidentBot.Sandbox;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>files.*: Slack's upload flow. Reserve a file and an upload URL, receive the bytes there, then share it.</summary>
internal sealed partial class FakeSlackWorkspace
{
    private readonly Dictionary<string, FakeFile> files = new(StringComparer.Ordinal);

    /// <summary>Where upload URLs point: the fake's own <c>/upload/</c> route, set once the fake listens.</summary>
    public Uri UploadBase { get; set; } = new("http://127.0.0.1/upload/");

    public FakeFile? File(string id) => files.GetValueOrDefault(id);

    public IReadOnlyList<FakeFile> Files(string channel)
    {
        var id = Find(channel).Id;
        return files.Values.Where(f => f.Channel == id).ToList();
    }

    /// <summary>The bytes POSTed to a file's upload URL; false for an unknown file or a length other than the one reserved.</summary>
    public bool Receive(string fileId, byte[] content)
    {
        if (!files.TryGetValue(fileId, out var file) || file.Length != content.Length)
        {
            return false;
        }

        files[fileId] = file with { Content = content };
        return true;
    }

    private JsonObject GetUploadUrl(JsonObject args)
    {
        var name = SandboxArgs.Given(args, "filename");
        var length = SandboxArgs.Number(args, "length");
        if (name is null || length is null)
        {
            throw new SlackErrorException("invalid_arguments");
        }

        // Slack answers missing_argument for a zero length.
        if (length == 0)
        {
            throw new SlackErrorException("missing_argument");
        }

        var file = new FakeFile($"F{++sequence:D8}", name, length.Value);
        files[file.Id] = file;
        return new JsonObject { ["ok"] = true, ["upload_url"] = new Uri(UploadBase, file.Id).ToString(), ["file_id"] = file.Id };
    }

    /// <summary>Shares each file once: completing an already shared file again changes nothing.</summary>
    private JsonObject CompleteUpload(JsonObject args)
    {
        if (SandboxArgs.Structured(args, "files") is not JsonArray { Count: > 0 } list || list.Any(f => f is not JsonObject))
        {
            throw new SlackErrorException("invalid_arguments");
        }

        var channel = Channel(args, "channel_id", writable: true);
        var wanted = list.Select(f => (Id: SandboxArgs.Text((JsonObject)f!, "id") ?? "", Title: SandboxArgs.Text((JsonObject)f!, "title"))).ToList();

        // A file whose bytes never arrived is, as far as sharing goes, not there.
        if (wanted.Any(w => files.GetValueOrDefault(w.Id)?.Content is null))
        {
            throw new SlackErrorException("file_not_found");
        }

        var shared = new JsonArray();
        foreach (var (id, title) in wanted)
        {
            var file = files[id];
            if (file.Channel is null)
            {
                files[id] = file = file with { Channel = channel.Id, Title = title ?? file.Name, InitialComment = SandboxArgs.Given(args, "initial_comment") };
            }

            shared.Add(new JsonObject { ["id"] = file.Id, ["name"] = file.Name, ["title"] = file.Title, ["size"] = file.Length, ["channels"] = new JsonArray(file.Channel) });
        }

        return new JsonObject { ["ok"] = true, ["files"] = shared };
    }
}
