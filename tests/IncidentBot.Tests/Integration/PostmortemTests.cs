using System.Text;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace IncidentBot.Tests.Integration;

/// <summary>The post-mortem draft through the real host: shared in the war room with Slack's upload flow, through the outbox.</summary>
public sealed class PostmortemTests : BotTest
{
    private static readonly string[] UploadFlow = ["files.getUploadURLExternal", FakeSlackApi.UploadCall, "files.completeUploadExternal"];
    private readonly TestTime time = new();

    private protected override TestTime Time => time;

    [Fact]
    public async Task Postmortem_in_the_war_room_uploads_the_draft_with_notes_and_action_items_in_three_calls_in_order()
    {
        var room = await DeclareAsync("create Checkout returns 500s sev3");
        await Bot.ReplyAsync("action Alert on the 5xx rate <@U0LEAD|lee> due 2026-12-01", channel: room);
        await AddNoteAsync(new IncidentId(1), "Deploy 4711 | went out at 03:05");

        var reply = await Bot.ReplyAsync("postmortem", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Contains($"`INC-1-postmortem.md` will be shared in <#{room}>", reply, StringComparison.Ordinal);
        Assert.Equal(UploadFlow, UploadCalls());
        var file = Assert.Single(Slack.Files(room));
        Assert.Equal("INC-1-postmortem.md", file.Name);
        Assert.Equal("INC-1 post-mortem draft: Checkout returns 500s", file.Title);
        Assert.Contains($"as asked by <@{BotHost.Reporter}>", file.InitialComment, StringComparison.Ordinal);
        var draft = Encoding.UTF8.GetString(file.Content!);
        Assert.StartsWith("# INC-1 post-mortem: Checkout returns 500s\n", draft, StringComparison.Ordinal);
        // The fake's users.info gives each person their id in lower case as the handle.
        Assert.Contains("| Note | @u0lead | Deploy 4711 \\| went out at 03:05 |", draft, StringComparison.Ordinal);
        Assert.Contains("| 1 | Alert on the 5xx rate | @u0lead | 2026-12-01 | @u0reporter |", draft, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(draft), file.Length);
    }

    [Fact]
    public async Task Resolving_a_sev1_or_sev2_shares_the_draft_automatically_and_a_sev3_does_not()
    {
        var sev1 = await DeclareAsync("create Payments down sev1");
        var sev2 = await DeclareAsync("create Login slow sev2");
        var sev3 = await DeclareAsync("create Dashboard typo sev3");

        // One at a time: each incident's outbox is its own lane, and lanes run side by side.
        foreach (var room in new[] { sev1, sev2, sev3 })
        {
            await Bot.ReplyAsync("resolve Rolled back", channel: room);
            await Bot.OutboxDrainedAsync();
        }

        Assert.Equal([.. UploadFlow, .. UploadFlow], UploadCalls());
        Assert.Contains("SEV-1 requires a post-mortem", Assert.Single(Slack.Files(sev1)).InitialComment, StringComparison.Ordinal);
        Assert.Contains("SEV-2 requires a post-mortem", Assert.Single(Slack.Files(sev2)).InitialComment, StringComparison.Ordinal);
        Assert.Empty(Slack.Files(sev3));
        var calls = Slack.Calls().ToList();
        var resolved = calls.FindIndex(c => c.Method == "chat.postMessage" && c.Args["text"]!.ToString().Contains("INC-1 resolved", StringComparison.Ordinal));
        Assert.InRange(resolved, 0, calls.FindIndex(c => c.Method == "files.getUploadURLExternal"));
    }

    [Fact]
    public async Task A_sev1_reopened_before_its_automatic_draft_went_out_gets_none_until_resolved_again()
    {
        var room = await DeclareAsync("create Payments down sev1");

        // The resolution's post is held up until time moves, so the reopen is decided before the draft's turn in the outbox comes.
        Slack.DelayNext("chat.postMessage", TimeSpan.FromSeconds(1));
        await Bot.ReplyAsync("resolve Failed over", channel: room);
        await Bot.ReplyAsync("status investigating", channel: room);
        await DrainedAsync();
        Assert.Empty(Slack.Files(room));

        await Bot.ReplyAsync("resolve Failed over again", channel: room);
        await Bot.OutboxDrainedAsync();
        Assert.Single(Slack.Files(room));
    }

    [Fact]
    public async Task Stopped_while_slack_shares_the_draft_a_restart_shares_that_file_again_not_a_second_upload()
    {
        Slack.DelayNext("files.completeUploadExternal", TimeSpan.FromSeconds(30), applyBeforeDelay: true);
        var first = BotHost.Start(Slack);
        await first.ReplyAsync("create Payments down sev1");
        await first.OutboxDrainedAsync();
        var room = Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        await first.ReplyAsync("resolve Failed over", channel: room);
        await Slack.WaitForCallAsync("files.completeUploadExternal");
        await first.DisposeAsync();

        await using var second = BotHost.Start(Slack, first.DatabasePath);
        await second.OutboxDrainedAsync(TimeSpan.FromSeconds(30));

        Assert.Single(Slack.Calls("files.getUploadURLExternal"));
        var upload = Assert.Single(Slack.Calls(FakeSlackApi.UploadCall));
        Assert.Equal(2, Slack.Calls("files.completeUploadExternal").Count);
        Assert.Equal((string?)upload.Args["file_id"], Assert.Single(Slack.Files(room)).Id);
        Assert.Contains((string)upload.Args["file_id"]!, Assert.Single(Slack.Bookmarks(room)).Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_postmortem_url_the_war_room_bookmarks_the_draft_shared_on_resolve_once()
    {
        var room = await DeclareAsync("create Payments down sev1");

        // Slack is down as the draft is shared: the outbox retries, and the bookmark follows the share once.
        Slack.FailNext("files.completeUploadExternal", 503, count: 2);
        await Bot.ReplyAsync("resolve Failed over", channel: room);
        await DrainedAsync();
        await Bot.ReplyAsync("status investigating", channel: room);
        await Bot.ReplyAsync("resolve Failed over again", channel: room);
        await DrainedAsync();

        var drafts = Slack.Files(room);
        Assert.Equal(2, drafts.Count);
        var bookmark = Assert.Single(Slack.Bookmarks(room));
        Assert.Equal(("📝 Post-mortem draft", "link"), (bookmark.Title, bookmark.Type));
        Assert.Matches($"^https?://.+/files/U[A-Z0-9]+/{drafts[0].Id}/", bookmark.Link);
        Assert.Empty(Slack.Calls("files.info"));
    }

    [Fact]
    public async Task An_upload_answer_without_a_permalink_as_slack_documents_it_is_completed_with_files_info()
    {
        var room = await DeclareAsync("create Payments down sev1");

        // Slack's documented answer names each file's id and title only.
        Slack.ReshapeNext("files.completeUploadExternal", answer =>
        {
            foreach (var file in answer["files"]!.AsArray())
            {
                file!.AsObject().Remove("permalink");
            }
        });
        await Bot.ReplyAsync("resolve Failed over", channel: room);
        await Bot.OutboxDrainedAsync();

        var draft = Assert.Single(Slack.Files(room));
        var info = Assert.Single(Slack.Calls("files.info"));
        Assert.Equal(draft.Id, (string?)info.Args["file"]);
        Assert.Contains($"/{draft.Id}/", Assert.Single(Slack.Bookmarks(room)).Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_asked_for_with_the_command_is_not_bookmarked()
    {
        var room = await DeclareAsync("create Payments down sev1");

        await Bot.ReplyAsync("postmortem", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Single(Slack.Files(room));
        Assert.Empty(Slack.Bookmarks(room));
    }

    [Fact]
    public async Task A_file_slack_let_lapse_before_it_was_shared_is_uploaded_afresh_and_shared_once()
    {
        var room = await DeclareAsync("create Payments down sev3");

        // Slack is down while sharing (the outbox retries later), then no longer knows the file uploaded before.
        Slack.FailNext("files.completeUploadExternal", 503, count: 5);
        Slack.ErrorNext("files.completeUploadExternal", "file_not_found");
        await Bot.ReplyAsync("postmortem", channel: room);
        await DrainedAsync();

        Assert.Equal(2, Slack.Calls("files.getUploadURLExternal").Count);
        var shared = Assert.Single(Slack.Files(room));
        Assert.Equal((string?)Slack.Calls(FakeSlackApi.UploadCall)[^1].Args["file_id"], shared.Id);
    }

    [Fact]
    public async Task A_postmortem_for_a_named_incident_from_elsewhere_is_shared_in_its_war_room()
    {
        var room = await DeclareAsync("create Payments down sev3");

        await Bot.ReplyAsync("postmortem INC-1");
        await Bot.OutboxDrainedAsync();

        Assert.Single(Slack.Files(room));
        Assert.Contains("not an incident's war room", await Bot.ReplyAsync("postmortem"), StringComparison.Ordinal);
    }

    private async Task<string> DeclareAsync(string text)
    {
        await Bot.ReplyAsync(text);
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    /// <summary>Moves time past held answers, Polly's back-off and the outbox's retries until the outbox is empty.</summary>
    private Task DrainedAsync() =>
        time.AdvanceUntilAsync(() => Bot.Store.PendingOutbox().Count == 0, "the outbox to drain", TimeSpan.FromMilliseconds(500));

    private async Task AddNoteAsync(IncidentId incident, string text)
    {
        var at = SystemClock.Instance.GetCurrentInstant();
        var ts = ScribeNote.InstantToTs(at);
        var note = new ScribeNote { Key = ScribeNote.KeyOf(incident, ts), IncidentId = incident, MessageTs = ts, Author = new ResponderId("U0LEAD"), Text = text, WrittenAt = at, AddedBy = new ResponderId("U0SCRIBE"), AddedAt = at, Source = NoteSource.Reaction };
        Assert.True(await Bot.Services.GetRequiredService<INoteStore>().TryAddAsync(note, []));
    }

    private List<string> UploadCalls() =>
        Slack.Calls().Select(c => c.Method).Where(m => m.StartsWith("files.", StringComparison.Ordinal) || m == FakeSlackApi.UploadCall).ToList();
}
