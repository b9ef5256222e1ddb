using System.Text;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>Slack's file upload flow through the typed client as the bot builds it, against the fake Slack.</summary>
public sealed class SlackUploadTests : BotTest
{
    private static readonly byte[] Draft = Encoding.UTF8.GetBytes("# INC-7 post-mortem → draft\n");

    private readonly TestTime time = new();

    private protected override TestTime Time => time;

    private ISlackApi Api => Bot.Services.GetRequiredService<ISlackApi>();

    [Fact]
    public async Task Reserve_upload_and_complete_share_the_bytes_in_the_channel_without_sending_the_token_to_the_upload_url()
    {
        var channel = new SlackChannelId(Bot.General);

        var target = await Api.GetUploadUrlExternalAsync("INC-7-postmortem.md", Draft.Length, CancellationToken.None);
        await Api.UploadFileAsync(target.UploadUrl, Draft, CancellationToken.None);
        await Api.CompleteUploadExternalAsync([new SlackUploadedFile(target.FileId, "INC-7 post-mortem")], channel, "Draft", CancellationToken.None);

        Assert.Equal(["files.getUploadURLExternal", FakeSlackApi.UploadCall, "files.completeUploadExternal"], Slack.Calls().Select(c => c.Method).Where(m => m != SlackCalls.StartProbe));
        Assert.Equal("", (string?)Slack.Calls(FakeSlackApi.UploadCall)[0].Args["authorization"]);
        var file = Assert.Single(Slack.Files(Bot.General));
        Assert.Equal(target.FileId, file.Id);
        Assert.Equal("INC-7-postmortem.md", file.Name);
        Assert.Equal("INC-7 post-mortem", file.Title);
        Assert.Equal(Draft, file.Content);
    }

    [Fact]
    public async Task Completing_the_same_file_again_shares_it_once()
    {
        var target = await Api.GetUploadUrlExternalAsync("a.md", Draft.Length, CancellationToken.None);
        await Api.UploadFileAsync(target.UploadUrl, Draft, CancellationToken.None);

        await Api.CompleteUploadExternalAsync([new SlackUploadedFile(target.FileId, "a")], new SlackChannelId(Bot.General), null, CancellationToken.None);
        await Api.CompleteUploadExternalAsync([new SlackUploadedFile(target.FileId, "a")], new SlackChannelId(Bot.General), null, CancellationToken.None);

        Assert.Single(Slack.Files(Bot.General));
    }

    [Fact]
    public async Task An_upload_answered_503_is_retried_and_stored()
    {
        Slack.FailNext(FakeSlackApi.UploadCall, 503);
        var target = await Api.GetUploadUrlExternalAsync("a.md", Draft.Length, CancellationToken.None);

        // The retry's back-off is moved through, not waited for.
        var uploading = Api.UploadFileAsync(target.UploadUrl, Draft, CancellationToken.None);
        await time.AdvanceUntilAsync(() => uploading.IsCompleted, "the upload and its retry", TimeSpan.FromMilliseconds(50));
        await uploading;

        Assert.Equal(2, Slack.Calls(FakeSlackApi.UploadCall).Count);
        Assert.Equal(Draft, Slack.File(target.FileId)!.Content);
    }

    [Fact]
    public async Task Bytes_other_than_the_reserved_length_are_refused_for_good()
    {
        var target = await Api.GetUploadUrlExternalAsync("a.md", Draft.Length + 1, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Api.UploadFileAsync(target.UploadUrl, Draft, CancellationToken.None));

        Assert.Equal("http_400", ex.Error);
        Assert.False(ex.IsTransient);
        Assert.Single(Slack.Calls(FakeSlackApi.UploadCall));
    }

    [Fact]
    public async Task Completing_an_unknown_or_never_uploaded_file_answers_file_not_found()
    {
        var reserved = await Api.GetUploadUrlExternalAsync("a.md", Draft.Length, CancellationToken.None);
        var channel = new SlackChannelId(Bot.General);

        var unknown = await Assert.ThrowsAsync<SlackApiException>(() => Api.CompleteUploadExternalAsync([new SlackUploadedFile("F404", "x")], channel, null, CancellationToken.None));
        var empty = await Assert.ThrowsAsync<SlackApiException>(() => Api.CompleteUploadExternalAsync([new SlackUploadedFile(reserved.FileId, "x")], channel, null, CancellationToken.None));

        Assert.Equal("file_not_found", unknown.Error);
        Assert.Equal("file_not_found", empty.Error);
        Assert.Empty(Slack.Files(Bot.General));
    }
}
