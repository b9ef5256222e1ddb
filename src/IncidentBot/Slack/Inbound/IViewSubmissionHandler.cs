namespace IncidentBot.Slack.Inbound;

/// <summary>Handles the submission of modals opened with <see cref="CallbackId"/>.</summary>
public interface IViewSubmissionHandler
{
    string CallbackId { get; }

    /// <summary>Returns field errors (block id → message) to keep the modal open, or an empty map to close it.</summary>
    Task<IReadOnlyDictionary<string, string>> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken);
}
