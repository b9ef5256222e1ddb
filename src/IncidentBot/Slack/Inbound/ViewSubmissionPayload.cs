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
    public static ViewSubmissionPayload Parse(JsonElement root)
    {
        var user = new SlackUserId(SlackJson.RequiredString(root.GetProperty("user"), "id"));
        var view = root.GetProperty("view");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var blocks) && blocks.ValueKind == JsonValueKind.Object)
        {
            foreach (var block in blocks.EnumerateObject())
            {
                foreach (var input in block.Value.EnumerateObject())
                {
                    values[block.Name] = InputValue(input.Value);
                }
            }
        }

        return new ViewSubmissionPayload(
            user,
            SlackJson.Text(view, "callback_id") ?? "",
            SlackJson.Text(view, "private_metadata") ?? "",
            SlackJson.Text(view, "id") ?? "",
            values);
    }

    private static string InputValue(JsonElement input)
    {
        if (input.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object)
        {
            return SlackJson.Text(option, "value") ?? "";
        }

        if (input.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array)
        {
            return string.Join(',', options.EnumerateArray().Select(o => SlackJson.Text(o, "value") ?? ""));
        }

        if (input.TryGetProperty("selected_user", out var selectedUser) && selectedUser.ValueKind == JsonValueKind.String)
        {
            return selectedUser.GetString() ?? "";
        }

        return SlackJson.Text(input, "value") ?? "";
    }
}
