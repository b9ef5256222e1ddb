namespace IncidentBot.Slack.Inbound;

/// <summary>Handles the message shortcut (<c>message_action</c>) whose callback id is <see cref="CallbackId"/>.</summary>
public interface IMessageShortcutHandler
{
    string CallbackId { get; }

    Task HandleAsync(MessageShortcutPayload payload, CancellationToken cancellationToken);
}
