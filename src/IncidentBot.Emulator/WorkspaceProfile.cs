namespace IncidentBot.Emulator;

/// <summary>
/// Who an emulated workspace is: its team, the bot's ids, where its pages and upload URLs are. The sandbox and the tests'
/// fake Slack each have their own; the rules are the same.
/// </summary>
/// <param name="TeamId">The team (<c>T…</c>) in auth.test, users and views.</param>
/// <param name="TeamName">The team's name in auth.test.</param>
/// <param name="AppId">The bot's app (<c>A…</c>) on its messages and views.</param>
/// <param name="BotId">The bot's bot id (<c>B…</c>) on its messages and views.</param>
/// <param name="Bot">The bot's user: its id, the one the Web API acts as, and its name.</param>
/// <param name="Url">The workspace's address, as auth.test gives it and permalinks start with.</param>
/// <param name="UploadUrl">Where the upload URL of file <c>F…</c> is <c>{UploadUrl}F…</c>.</param>
/// <param name="GeneralChannelId">The channel conversations.list marks <c>is_general</c>; null when there is none.</param>
/// <param name="AcceptUnissuedTriggers">
/// Whether views.open takes a trigger id the workspace never issued (once, as any other). The tests' fake does, since
/// a test writes its own payloads; the sandbox issues every trigger itself and refuses others.
/// </param>
/// <param name="SequentialIds">Whether ids are numbered in order (<c>C00000001</c>), so two runs of a test make the same ones; else random.</param>
/// <param name="EphemeralsNeedMembership">
/// Whether chat.postEphemeral refuses someone not in the channel (<c>user_not_in_channel</c>), as Slack does. The tests'
/// fake does not, since its tests act as people they never added to a channel.
/// </param>
public sealed record WorkspaceProfile(
    string TeamId,
    string TeamName,
    string AppId,
    string BotId,
    EmulatedUser Bot,
    Uri Url,
    Uri UploadUrl,
    string? GeneralChannelId = null,
    bool AcceptUnissuedTriggers = false,
    bool SequentialIds = false,
    bool EphemeralsNeedMembership = true);
