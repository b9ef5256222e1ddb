namespace IncidentBot.Slack.Inbound;

/// <summary>Handles the submission of modals opened with <see cref="CallbackId"/>.</summary>
public interface IViewSubmissionHandler
{
    string CallbackId { get; }

    /// <summary>
    /// The input block that shows a failure of the whole form (the handler threw), so the form stays open and says so;
    /// null: the first input block of the submitted form.
    /// </summary>
    string? FailureBlockId => null;

    /// <summary>Returns field errors (block id → message) to keep the modal open, or an empty map to close it.</summary>
    Task<IReadOnlyDictionary<string, string>> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken);
}
