using IncidentBot.Incidents;
using IncidentBot.Lifecycle;
using IncidentBot.Scribe;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Shortcuts;

/// <summary>
/// The declaration form opened from a message: declared as from the form, asked from the message's channel, and the
/// message put first on the new incident's timeline, linked, so everyone can read what started it.
/// </summary>
public sealed class DeclareFromMessageHandler(CreateHandler create, NoteTaker notes) : IViewSubmissionHandler
{
    public string CallbackId => ShortcutIds.DeclareForm;

    public string? FailureBlockId => CreateHandler.TitleBlock;

    public async Task<IReadOnlyDictionary<string, string>> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var quoted = QuotedMessage.Parse(payload.PrivateMetadata);
        var (errors, incident) = await create.SubmitAsync(payload, quoted?.Channel ?? "", cancellationToken).ConfigureAwait(false);
        if (incident is not null && quoted is not null)
        {
            await notes.QuoteAsync(incident, quoted.Channel, quoted.Ts, quoted.Text, quoted.AuthorId, new ResponderId(payload.UserId.Value)).ConfigureAwait(false);
        }

        return errors;
    }
}
