using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Blocks;

/// <summary>Builders for the Block Kit elements the bot sends, each enforcing Slack's limits.</summary>
public static class BlockKit
{
    public static JsonObject PlainText(string text, int max) => new() { ["type"] = "plain_text", ["text"] = SlackText.Truncate(text, max), ["emoji"] = true };

    public static JsonObject Mrkdwn(string text, int max) => new() { ["type"] = "mrkdwn", ["text"] = SlackText.Truncate(text, max) };

    public static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = PlainText(text, BlockLimits.HeaderText) };

    public static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn, BlockLimits.SectionText) };

    public static JsonObject Context(string mrkdwn) => new() { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(mrkdwn, BlockLimits.ContextText)) };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Button(string text, string actionId, string value, string? style = null)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(text, BlockLimits.ButtonText),
            ["action_id"] = actionId,
            ["value"] = SlackText.Truncate(value, BlockLimits.ButtonValue),
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    public static JsonObject Actions(string blockId, params JsonObject[] elements) =>
        new() { ["type"] = "actions", ["block_id"] = blockId, ["elements"] = new JsonArray(elements) };

    public static JsonObject TextInput(string blockId, string label, string actionId, bool multiline, bool optional, int maxLength, string? placeholder = null)
    {
        var element = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = actionId, ["multiline"] = multiline, ["max_length"] = maxLength };
        if (placeholder is not null)
        {
            element["placeholder"] = PlainText(placeholder, 150);
        }

        return Input(blockId, label, element, optional);
    }

    public static JsonObject StaticSelect(string blockId, string label, string actionId, IEnumerable<(string Text, string Value)> options, string? initialValue)
    {
        var optionNodes = options.Select(o => Option(o.Text, o.Value)).ToList();
        var element = new JsonObject { ["type"] = "static_select", ["action_id"] = actionId, ["options"] = new JsonArray([.. optionNodes]) };
        var initial = optionNodes.FirstOrDefault(o => (string?)o["value"] == initialValue);
        if (initial is not null)
        {
            element["initial_option"] = initial.DeepClone();
        }

        return Input(blockId, label, element, optional: false);
    }

    public static JsonObject Checkbox(string blockId, string label, string actionId, string optionText, string optionValue) =>
        Input(blockId, label, new JsonObject { ["type"] = "checkboxes", ["action_id"] = actionId, ["options"] = new JsonArray(Option(optionText, optionValue)) }, optional: true);

    public static JsonObject Modal(string callbackId, string title, string submit, JsonArray blocks, string privateMetadata = "") => new()
    {
        ["type"] = "modal",
        ["callback_id"] = callbackId,
        ["title"] = PlainText(title, BlockLimits.ModalTitle),
        ["submit"] = PlainText(submit, BlockLimits.ModalTitle),
        ["close"] = PlainText("Cancel", BlockLimits.ModalTitle),
        ["private_metadata"] = privateMetadata,
        ["blocks"] = blocks,
    };

    /// <summary>A modal that only tells something (no submit button): the answer to a click or shortcut outside any war room.</summary>
    public static JsonObject Notice(string title, string mrkdwn) => new()
    {
        ["type"] = "modal",
        ["title"] = PlainText(title, BlockLimits.ModalTitle),
        ["close"] = PlainText("Close", BlockLimits.ModalTitle),
        ["blocks"] = new JsonArray(Section(mrkdwn)),
    };

    private static JsonObject Option(string text, string value) => new() { ["text"] = PlainText(text, 75), ["value"] = value };

    private static JsonObject Input(string blockId, string label, JsonObject element, bool optional) => new()
    {
        ["type"] = "input",
        ["block_id"] = blockId,
        ["label"] = PlainText(label, 2000),
        ["element"] = element,
        ["optional"] = optional,
    };
}
