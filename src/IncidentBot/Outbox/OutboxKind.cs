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

    /// <summary>
    /// Share the post-mortem draft in the war room as a Markdown file: asked for by <see cref="OutboxMessage.Users"/>,
    /// or, with no one, on resolve when the severity requires a post-mortem (see <c>Postmortems.PostmortemUpload</c>).
    /// </summary>
    UploadPostmortem,
}
