using System.Text;
using IncidentBot.Bookmarks;
using IncidentBot.Incidents;
using IncidentBot.People;
using IncidentBot.Scheduling;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Postmortems;

/// <summary>
/// The outbox step that shares the post-mortem draft in the war room: rendered when sent, so it holds everything
/// recorded until then, and uploaded with Slack's flow (reserve a file, POST the bytes, complete). The file id is
/// recorded once the bytes are up and before sharing, so a retry or a restart shares that file, never a second one.
/// With no <c>Incidents:PostmortemUrl</c>, the draft shared on resolve is bookmarked in the war room, once per incident.
/// </summary>
public sealed partial class PostmortemUpload(
    ISlackApi slack,
    PostmortemRenderer renderer,
    IIncidentStore store,
    INoteStore notes,
    PostmortemUploadStore uploads,
    SeverityScheme scheme,
    IPeopleDirectory people,
    IClock clock,
    IOptions<IncidentsOptions> incidents,
    ILogger<PostmortemUpload> logger)
{
    /// <summary>The bookmark's title for the shared draft.</summary>
    public const string DraftBookmark = "📝 Post-mortem draft";

    private const int TitleMax = 100;

    /// <summary><c>/incident postmortem</c>: shared whatever the severity, saying who asked.</summary>
    public static OutboxMessage Requested(Incident incident, ResponderId by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return OutboxMessage.For(incident.Id, new UploadPostmortem(new SlackUserId(by.Value)), now);
    }

    /// <summary>Shares the draft for outbox message <paramref name="outboxId"/>, asked for by <paramref name="requestedBy"/> (or nobody, on resolve).</summary>
    public async Task UploadAsync(long outboxId, Incident incident, SlackUserId? requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);

        // Asked for by nobody: only when the severity requires one, and not for an incident reopened meanwhile (its
        // next resolution asks again).
        var severity = scheme.Named(incident.Severity);
        if (requestedBy is null && (!severity.PostmortemRequired || incident.IsOpen))
        {
            return;
        }

        var room = incident.WarRoom.ChannelId is { } id ? new SlackChannelId(id) : throw new SlackApiException("war_room", "war_room_not_created");
        var title = $"{incident.Id} post-mortem draft: {SlackText.Truncate(incident.Title, TitleMax)}";
        var comment = requestedBy is not null
            ? $"📝 Post-mortem draft for *{incident.Id}*, as asked by {SlackText.User(requestedBy.Value.Value)}. Fill in the sections marked \"To fill in\"."
            : $"📝 *{incident.Id}* is resolved and {severity.Name} requires a post-mortem: here is the draft to start from.";
        if (incident.IsDrill)
        {
            comment = "🧪 *DRILL* · " + comment;
        }

        var file = new SharedFile(PostmortemRenderer.FileName(incident), title, comment);
        var timeline = store.Timeline(incident.Id);
        var noted = notes.ForIncident(incident.Id);
        var names = await PersonNames.LookUpAsync(people, PostmortemModel.People(incident, timeline, noted), cancellationToken).ConfigureAwait(false);
        await ShareOnceAsync(outboxId, incident.Id, room, file, () => renderer.Render(incident, timeline, noted, clock.GetCurrentInstant(), names), cancellationToken).ConfigureAwait(false);
        if (requestedBy is null && string.IsNullOrWhiteSpace(incidents.Value.PostmortemUrl))
        {
            await BookmarkOnceAsync(outboxId, incident, room, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Queues the war room's bookmark of the draft <paramref name="outboxId"/> shared, unless one of the incident's drafts
    /// already has it: the link from Slack's answer when it gave one, else from files.info.
    /// </summary>
    private async Task BookmarkOnceAsync(long outboxId, Incident incident, SlackChannelId room, CancellationToken cancellationToken)
    {
        if (uploads.Find(outboxId) is not { SharedAt: not null } record || uploads.IsBookmarked(incident.Id))
        {
            return;
        }

        var link = record.Permalink is { } known ? new Uri(known) : await slack.GetFilePermalinkAsync(record.FileId, cancellationToken).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        var audit = new AuditEntry { At = now, User = DueWorkService.SystemActor, Channel = room, IncidentId = incident.Id, Command = "post-mortem draft bookmark", Outcome = "queued" };
        await store.EnqueueAsync(audit, OutboxMessage.For(incident.Id, new AddBookmark(DraftBookmark, link.ToString()), now).InLane(OutboxMessage.TopicLane)).ConfigureAwait(false);
        record.Permalink = link.ToString();
        record.BookmarkedAt = now;
        await uploads.SaveAsync(record).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads the Markdown <paramref name="render"/> makes, once per outbox message, and shares it in
    /// <paramref name="channel"/>: the post-mortem draft, and any other document the bot hands over as a file.
    /// </summary>
    public async Task ShareOnceAsync(long outboxId, IncidentId incidentId, SlackChannelId channel, SharedFile file, Func<string> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(render);
        var record = uploads.Find(outboxId);
        if (record?.SharedAt is not null)
        {
            return;
        }

        if (record is not null)
        {
            try
            {
                await ShareAsync(record, channel, file, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SlackApiException ex) when (ex.Error == "file_not_found")
            {
                // Slack let the earlier upload lapse before it was shared; as nobody saw it, upload afresh.
                await uploads.ForgetAsync(outboxId).ConfigureAwait(false);
            }
        }

        var content = Encoding.UTF8.GetBytes(render());
        var target = await slack.GetUploadUrlExternalAsync(file.FileName, content.Length, cancellationToken).ConfigureAwait(false);
        await slack.UploadFileAsync(target.UploadUrl, content, cancellationToken).ConfigureAwait(false);
        record = new PostmortemUploadRecord { Id = outboxId, IncidentId = incidentId, FileId = target.FileId, UploadedAt = clock.GetCurrentInstant() };
        await uploads.SaveAsync(record).ConfigureAwait(false);
        await ShareAsync(record, channel, file, cancellationToken).ConfigureAwait(false);
    }

    private async Task ShareAsync(PostmortemUploadRecord record, SlackChannelId channel, SharedFile file, CancellationToken ct)
    {
        var link = await slack.CompleteUploadExternalAsync([new SlackUploadedFile(record.FileId, file.Title)], channel, file.Comment, ct).ConfigureAwait(false);
        record.Permalink = link?.ToString();
        record.SharedAt = clock.GetCurrentInstant();
        await uploads.SaveAsync(record).ConfigureAwait(false);
        LogShared(file.FileName, record.FileId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shared {FileName} as file {FileId}")]
    private partial void LogShared(string fileName, string fileId);
}
