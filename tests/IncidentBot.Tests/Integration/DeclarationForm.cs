using System.Text.Json.Nodes;
using IncidentBot.Lifecycle;

namespace IncidentBot.Tests.Integration;

/// <summary>The declaration form as Slack submits it: Slack's own view_submission sample with the fields filled in.</summary>
internal static class DeclarationForm
{
    public static JsonObject Submission(string title, string severity = "SEV-2", string? impact = null, string? started = null, bool isPrivate = false)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/ViewSubmissionPayload.json"))!.AsObject();
        payload["user"]!["id"] = BotHost.Reporter;
        var view = payload["view"]!.AsObject();
        view["callback_id"] = CreateHandler.ModalCallbackId;
        view["private_metadata"] = "C0GENERAL";
        var values = new JsonObject
        {
            [CreateHandler.TitleBlock] = Input("title_input", title),
            [CreateHandler.SeverityBlock] = new JsonObject { ["severity_select"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = severity } } },
        };
        if (impact is not null)
        {
            values[CreateHandler.ImpactBlock] = Input("impact_input", impact);
        }

        if (started is not null)
        {
            values[CreateHandler.StartedBlock] = Input("started_input", started);
        }

        if (isPrivate)
        {
            values[CreateHandler.PrivateBlock] = new JsonObject { ["private_check"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray(new JsonObject { ["value"] = "private" }) } };
        }

        view["state"] = new JsonObject { ["values"] = values };
        return payload;
    }

    private static JsonObject Input(string actionId, string value) =>
        new() { [actionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
}
