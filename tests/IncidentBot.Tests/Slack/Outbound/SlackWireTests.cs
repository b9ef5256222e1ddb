using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace IncidentBot.Tests.Slack.Outbound;

/// <summary>
/// The bytes the typed client sends, held to the JSON trees the client built by hand before its wire records (same
/// fields, same order, same escaping), and Slack's own sample answers read through the generated context.
/// </summary>
public sealed class SlackWireTests
{
    private static readonly SlackChannelId Channel = new("C0123");

    [Fact]
    public async Task A_message_with_every_part_is_sent_as_the_hand_built_body_was()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*INC-7* <@U1> → é & \"q\"" } });
        var metadata = new JsonObject { ["event_type"] = "incident", ["event_payload"] = new JsonObject { ["id"] = 7 } };
        var message = new SlackMessage(Channel, "INC-7 <declared> é", blocks, "1.2", metadata, LinkNames: true);
        var expected = new JsonObject
        {
            ["channel"] = "C0123",
            ["text"] = "INC-7 <declared> é",
            ["blocks"] = blocks.DeepClone(),
            ["thread_ts"] = "1.2",
            ["metadata"] = metadata.DeepClone(),
            ["link_names"] = true,
        };

        var sent = await SendAsync("""{"ok":true,"channel":"C0123","ts":"3.4"}""", api => api.PostMessageAsync(message, CancellationToken.None));

        Assert.Equal(("chat.postMessage", "application/json; charset=utf-8", expected.ToJsonString()), sent);
    }

    [Fact]
    public async Task Optional_arguments_are_left_out_not_sent_as_null()
    {
        var message = new SlackMessage(Channel, "hello");

        var posted = await SendAsync("""{"ok":true}""", api => api.UpdateMessageAsync(message, "1.2", CancellationToken.None));
        var ephemeral = await SendAsync("""{"ok":true}""", api => api.PostEphemeralAsync(message, new SlackUserId("U9"), CancellationToken.None));
        var upload = await SendAsync("""{"ok":true}""", api => api.CompleteUploadExternalAsync([new SlackUploadedFile("F1", "INC-7")], Channel, null, CancellationToken.None));

        Assert.Equal("""{"channel":"C0123","text":"hello","ts":"1.2"}""", posted.Body);
        Assert.Equal("""{"channel":"C0123","text":"hello","user":"U9"}""", ephemeral.Body);
        Assert.Equal("""{"files":[{"id":"F1","title":"INC-7"}],"channel_id":"C0123"}""", upload.Body);
    }

    [Fact]
    public async Task Each_write_method_names_its_arguments_as_Slack_documents_them()
    {
        var view = new JsonObject { ["type"] = "modal" };

        Assert.Equal("""{"name":"inc-7","is_private":true}""", (await SendAsync("""{"ok":true,"channel":{"id":"C1"}}""", api => api.CreateConversationAsync("inc-7", true, CancellationToken.None))).Body);
        Assert.Equal("""{"channel":"C0123","users":"U1,U2"}""", (await SendAsync("""{"ok":true}""", api => api.InviteToConversationAsync(Channel, [new("U1"), new("U2"), new("U1")], CancellationToken.None))).Body);
        Assert.Equal("""{"users":"U1"}""", (await SendAsync("""{"ok":true,"channel":{"id":"D1"}}""", api => api.OpenDirectMessageAsync(new SlackUserId("U1"), CancellationToken.None))).Body);
        Assert.Equal("""{"channel":"C0123","topic":"Sev1"}""", (await SendAsync("""{"ok":true}""", api => api.SetTopicAsync(Channel, "Sev1", CancellationToken.None))).Body);
        Assert.Equal("""{"channel":"C0123","purpose":"Checkout"}""", (await SendAsync("""{"ok":true}""", api => api.SetPurposeAsync(Channel, "Checkout", CancellationToken.None))).Body);
        Assert.Equal("""{"channel":"C0123"}""", (await SendAsync("""{"ok":true}""", api => api.ArchiveConversationAsync(Channel, CancellationToken.None))).Body);
        Assert.Equal("""{"channel":"C0123","timestamp":"1.2"}""", (await SendAsync("""{"ok":true}""", api => api.AddPinAsync(Channel, "1.2", CancellationToken.None))).Body);
        Assert.Equal("""{"channel_id":"C0123","title":"Doc","type":"link","link":"https://example.com/doc"}""", (await SendAsync("""{"ok":true}""", api => api.AddBookmarkAsync(Channel, "Doc", new Uri("https://example.com/doc"), CancellationToken.None))).Body);
        Assert.Equal("""{"channel":"C0123","timestamp":"1.2","name":"eyes"}""", (await SendAsync("""{"ok":true}""", api => api.RemoveReactionAsync(Channel, "1.2", "eyes", CancellationToken.None))).Body);
        Assert.Equal("""{"trigger_id":"T1","view":{"type":"modal"}}""", (await SendAsync("""{"ok":true,"view":{"id":"V1"}}""", api => api.OpenViewAsync("T1", view, CancellationToken.None))).Body);
        Assert.Equal("""{"view_id":"V1","view":{"type":"modal"}}""", (await SendAsync("""{"ok":true}""", api => api.UpdateViewAsync("V1", view, CancellationToken.None))).Body);
    }

    [Fact]
    public async Task Read_methods_send_their_record_as_a_form()
    {
        var list = await SendAsync("""{"ok":true,"channels":[]}""", api => api.ListConversationsAsync("public_channel,private_channel", "next", CancellationToken.None));
        var history = await SendAsync("""{"ok":true,"messages":[]}""", api => api.GetHistoryAsync(Channel, null, 50, CancellationToken.None));
        var one = await SendAsync("""{"ok":true,"messages":[]}""", api => api.GetMessageAsync(Channel, "1.2", CancellationToken.None));
        var reserve = await SendAsync("""{"ok":true,"upload_url":"https://files.example/u","file_id":"F1"}""", api => api.GetUploadUrlExternalAsync("a.md", 12, CancellationToken.None));

        Assert.Equal("application/x-www-form-urlencoded", list.ContentType);
        Assert.Equal(Form(("types", "public_channel,private_channel"), ("exclude_archived", "true"), ("limit", "200"), ("cursor", "next")), Fields(list.Body));
        Assert.Equal(Form(("channel", "C0123"), ("limit", "50"), ("include_all_metadata", "true")), Fields(history.Body));
        Assert.Equal(Form(("channel", "C0123"), ("latest", "1.2"), ("oldest", "1.2"), ("inclusive", "true"), ("limit", "1")), Fields(one.Body));
        Assert.Equal(Form(("filename", "a.md"), ("length", "12")), Fields(reserve.Body));
    }

    [Fact]
    public async Task Answers_are_read_into_the_public_records()
    {
        var history = """{"ok":true,"messages":[{"ts":"1.2","user":"U1","text":"hi","thread_ts":"1.0","metadata":{"event_type":"incident"},"blocks":[]},{"ts":"1.3","bot_id":"B1"}]}""";
        IReadOnlyList<SlackHistoryMessage> messages = [];
        var page = new SlackChannelPage([], "");
        await SendAsync(history, async api => messages = await api.GetRepliesAsync(Channel, "1.0", CancellationToken.None));
        await SendAsync("""{"ok":true,"channels":[{"id":"C1","name":"inc-7","is_private":true,"creator":"U1","num_members":3}],"response_metadata":{"next_cursor":"abc"}}""", async api => page = await api.ListConversationsAsync("public_channel", null, CancellationToken.None));

        Assert.Equal(new SlackChannelPage([new SlackChannel(new SlackChannelId("C1"), "inc-7", new SlackUserId("U1"), IsPrivate: true)], "abc").Channels, page.Channels);
        Assert.Equal("abc", page.NextCursor);
        Assert.Equal(("1.2", "U1", "hi", "1.0", "incident"), (messages[0].Ts, messages[0].User, messages[0].Text, messages[0].ThreadTs, messages[0].Metadata?.GetProperty("event_type").GetString()));
        Assert.Equal(("1.3", "B1", "", (JsonElement?)null), (messages[1].Ts, messages[1].BotId, messages[1].Text, messages[1].Metadata));
    }

    /// <summary>Slack documents completeUploadExternal's files with id and title only, so the link may need files.info.</summary>
    [Fact]
    public async Task A_shared_files_permalink_is_read_from_the_upload_answer_or_from_files_info()
    {
        Uri? documented = new("https://unset.test/");
        Uri? full = null;
        Uri? info = null;
        await SendAsync("""{"ok":true,"files":[{"id":"F044GKUHN9Z","title":"slack-test"}]}""", async api => documented = await api.CompleteUploadExternalAsync([new SlackUploadedFile("F044GKUHN9Z", "slack-test")], Channel, null, CancellationToken.None));
        await SendAsync("""{"ok":true,"files":[{"id":"F1","permalink":"https://acme.slack.com/files/U1/F1/inc-7.md"}]}""", async api => full = await api.CompleteUploadExternalAsync([new SlackUploadedFile("F1", "INC-7")], Channel, null, CancellationToken.None));
        var sent = await SendAsync("""{"ok":true,"file":{"id":"F1","permalink":"https://acme.slack.com/files/U1/F1/inc-7.md"}}""", async api => info = await api.GetFilePermalinkAsync("F1", CancellationToken.None));

        Assert.Null(documented);
        Assert.Equal(new Uri("https://acme.slack.com/files/U1/F1/inc-7.md"), full);
        Assert.Equal(full, info);
        Assert.Equal(("files.info", "file=F1"), (sent.Method, sent.Body));
    }

    [Theory]
    [InlineData("""{"ok":false,"error":"channel_not_found"}""", "channel_not_found")]
    [InlineData("""{"ok":false}""", "unknown_error")]
    [InlineData("null", "invalid_response")]
    [InlineData("<html>gateway</html>", "invalid_response_http_200")]
    [InlineData("""{"ok":true}""", "missing_field_permalink")]
    public async Task An_answer_that_is_not_ok_or_lacks_a_needed_field_is_a_typed_error(string answer, string error)
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => SendAsync(answer, api => api.GetPermalinkAsync(Channel, "1.2", CancellationToken.None)));

        Assert.Equal(error, ex.Error);
        Assert.False(ex.IsTransient);
    }

    /// <summary>Slack's recorded shapes merge success and error fields and mask values; the context reads them all.</summary>
    [Theory]
    [InlineData("conversations.create")]
    [InlineData("conversations.setTopic")]
    [InlineData("users.info")]
    [InlineData("chat.getPermalink")]
    [InlineData("views.open")]
    public void Slack_sample_answers_deserialize_through_the_context(string method)
    {
        var text = Fixture.Text($"slack/api/{method}.json");

        SlackResponse? answer = method switch
        {
            "conversations.create" => JsonSerializer.Deserialize(text, SlackWireContext.Default.ChannelResponse) is { Channel.Id: not null } c ? c : null,
            "users.info" => JsonSerializer.Deserialize(text, SlackWireContext.Default.UserInfoResponse) is { User: { Id: not null, Name: not null, Tz: not null } } u ? u : null,
            "chat.getPermalink" => JsonSerializer.Deserialize(text, SlackWireContext.Default.PermalinkResponse) is { Permalink: not null } p ? p : null,
            "views.open" => JsonSerializer.Deserialize(text, SlackWireContext.Default.ViewResponse) is { View.Id: not null } v ? v : null,
            _ => JsonSerializer.Deserialize(text, SlackWireContext.Default.SlackResponse),
        };

        Assert.NotNull(answer);
        Assert.NotNull(answer.Error);
    }

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static Dictionary<string, string> Fields(string form) => QueryHelpers.ParseQuery(form).ToDictionary(p => p.Key, p => p.Value.ToString());

    /// <summary>One call of <paramref name="call"/> against a Slack that answers <paramref name="answer"/>: what it was sent.</summary>
    private static async Task<(string Method, string ContentType, string Body)> SendAsync(string answer, Func<ISlackApi, Task> call)
    {
        var slack = new RecordingSlack(answer);
        var services = new ServiceCollection();
        services.AddResiliencePipeline<string, HttpResponseMessage>(SlackApiClient.PipelineName, _ => { });
        await using var provider = services.BuildServiceProvider();
        using var http = new HttpClient(slack);
        var options = Options.Create(new SlackOptions { BotToken = "xoxb-test", ApiBaseUrl = new Uri("https://slack.test/api/") });
        var api = new SlackApiClient(http, options, provider.GetRequiredService<ResiliencePipelineProvider<string>>(), new SlackTokenState(NullLogger<SlackTokenState>.Instance), NullLogger<SlackApiClient>.Instance);

        await call(api);

        return Assert.Single(slack.Sent);
    }

    private sealed class RecordingSlack(string answer) : HttpMessageHandler
    {
        public List<(string Method, string ContentType, string Body)> Sent { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Sent.Add((request.RequestUri!.Segments[^1], request.Content?.Headers.ContentType?.ToString() ?? "", body));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
