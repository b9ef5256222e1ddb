namespace IncidentBot.Outbox;

/// <summary>One Slack side effect of an incident. The worker carries them out in order, each idempotently.</summary>
public enum OutboxKind
{
    /// <summary>conversations.create of the war room (recognises its own channel after a crash).</summary>
    CreateWarRoom,

    /// <summary>conversations.invite of <see cref="OutboxMessage.Users"/>.</summary>
    Invite,

    /// <summary>Post the declaration (rendered from the incident as it is then) and remember its ts.</summary>
    PostDeclaration,

    /// <summary>pins.add of the declaration.</summary>
    PinDeclaration,

    /// <summary>conversations.setTopic from the incident's current state.</summary>
    SetTopic,

    /// <summary>Announce the declaration in the announcement channel.</summary>
    Announce,

    /// <summary>Post the pre-rendered <see cref="OutboxMessage.Text"/>/<see cref="OutboxMessage.BlocksJson"/> in the war room.</summary>
    Post,

    /// <summary>chat.update of the pinned declaration from the incident's current state.</summary>
    RefreshDeclaration,

    /// <summary>conversations.archive of the war room.</summary>
    ArchiveWarRoom,

    /// <summary>chat.update of the war-room message at <see cref="OutboxMessage.TargetTs"/> with the pre-rendered text and blocks.</summary>
    UpdateMessage,

    /// <summary>chat.postEphemeral of <see cref="OutboxMessage.Text"/> in the war room to the one user in <see cref="OutboxMessage.Users"/>.</summary>
    Ephemeral,

    /// <summary>Scribe lane: fetch the noted message's permalink and add the bot's reaction so the scribe sees it worked.</summary>
    ConfirmNote,

    /// <summary>Scribe lane: fetch the text of a noted message the bot has no copy of (a history call, rate limited).</summary>
    FetchNoteText,

    /// <summary>Scribe lane: take the bot's confirming reaction off a message whose note was removed.</summary>
    UnconfirmNote,

    /// <summary>
    /// Share the post-mortem draft in the war room as a Markdown file: asked for by <see cref="OutboxMessage.Users"/>,
    /// or, with no one, on resolve when the severity requires a post-mortem (see <c>Postmortems.PostmortemUpload</c>).
    /// </summary>
    UploadPostmortem,

    /// <summary>
    /// An escalation notice with user-group handles linked: in the war room when <see cref="OutboxMessage.Target"/> is
    /// null, else in that channel, or as a DM to that user.
    /// </summary>
    Notify,

    /// <summary>POST of the signed event in <see cref="OutboxMessage.Text"/> to the receiver at <see cref="OutboxMessage.Target"/>.</summary>
    Webhook,

    /// <summary>Trigger the pager service <see cref="OutboxMessage.Target"/> for the incident.</summary>
    Page,

    /// <summary>Resolve the incident at the pager service <see cref="OutboxMessage.Target"/>.</summary>
    Unpage,

    /// <summary>
    /// Share the monthly incident review of month <see cref="OutboxMessage.Text"/> (<c>yyyy-MM</c>) as a Markdown file in
    /// <see cref="OutboxMessage.Target"/>, asked for by <see cref="OutboxMessage.Users"/>; it belongs to no incident
    /// (see <c>Metrics.ReviewUpload</c>).
    /// </summary>
    UploadReview,

    /// <summary>Post <see cref="OutboxMessage.Text"/>, a status-page draft, to the status-page channel (see <c>StatusPages.StatusPageHandler</c>); in the war room when none is set or for a drill.</summary>
    PostStatusPage,

    /// <summary>chat.update of the incident's announcement from its current state (see <c>AnnouncementRefresh</c>).</summary>
    RefreshAnnouncement,
}
