using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// A view_submission interaction. <see cref="Values"/> flattens <c>view.state.values</c> to
/// block id → the input's value (text, the selected option's value, or the checked options joined by commas).
/// </summary>
public sealed record ViewSubmissionPayload(
    SlackUserId UserId,
    string CallbackId,
    string PrivateMetadata,
    string ViewId,
    IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Throws <see cref="JsonException"/> when the payload has no user or no view.</summary>
    public static ViewSubmissionPayload Parse(JsonElement root)
    {
        var fields = root.Deserialize(SlackInboundContext.Default.ViewSubmissionFields) ?? throw new JsonException("a view_submission payload is an object");
        var user = fields.User?.Id is { Length: > 0 } id ? new SlackUserId(id) : throw new JsonException("'user.id' is missing");
        var view = fields.View ?? throw new JsonException("'view' is missing");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        // A block or input that is JSON null is skipped, as one that is absent.
        foreach (var (block, inputs) in view.State?.Values ?? new Dictionary<string, IReadOnlyDictionary<string, InputState?>?>())
        {
            foreach (var input in (inputs?.Values ?? []).OfType<InputState>())
            {
                values[block] = InputValue(input);
            }
        }

        return new ViewSubmissionPayload(user, view.CallbackId ?? "", view.PrivateMetadata ?? "", view.Id ?? "", values);
    }

    private static string InputValue(InputState input) =>
        input.SelectedOption is { } option ? option.Value ?? ""
        : input.SelectedOptions is { } options ? string.Join(',', options.Select(o => o?.Value ?? ""))
        : input.SelectedUser ?? input.Value ?? "";
}
