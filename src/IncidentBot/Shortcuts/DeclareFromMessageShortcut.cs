using IncidentBot.Lifecycle;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;

namespace IncidentBot.Shortcuts;

/// <summary>
/// "Declare incident from this message": the declaration form, its title the message's first line (<see cref="MessageTitle"/>);
/// the message rides along so it lands on the new incident's timeline with its link (<see cref="DeclareFromMessageHandler"/>).
/// </summary>
public sealed class DeclareFromMessageShortcut(CreateHandler create, ISlackApi slack) : IMessageShortcutHandler
{
    public string CallbackId => ShortcutIds.DeclareFromMessage;

    public Task HandleAsync(MessageShortcutPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var form = create.Form(ShortcutIds.DeclareForm, QuotedMessage.Of(payload).ToMetadata(), MessageTitle.From(payload.Text));
        return slack.OpenViewAsync(payload.TriggerId, form, cancellationToken);
    }
}
