using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>What a person does that Slack turns into a request to the app: slash commands, button clicks and selects, modal submissions.</summary>
public sealed partial class SlackEmulator
{
    /// <summary>
    /// A line typed in the composer that starts with <c>/</c>: sent to the bot as Slack sends a slash command, with
    /// <c>@name</c> and <c>#channel</c> escaped to ids as the app's manifest asks; the answer shows as Slack shows it.
    /// </summary>
    public async Task CommandAsync(EmulatedUser user, EmulatedChannel channel, string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(line);
        var space = line.IndexOfAny([' ', '\n']);
        var command = space < 0 ? line : line[..space];
        var text = space < 0 ? "" : line[(space + 1)..].Trim();
        if (command != "/incident")
        {
            workspace.Whisper(channel.Id, user.Id, SandboxDirectory.SlackbotId, $"{command} is not a valid command. In Slack, all messages that start with the \"/\" character are interpreted as commands.", blocks: null);
            return;
        }

        var form = new Dictionary<string, string?>
        {
            ["token"] = "",
            ["team_id"] = SandboxDirectory.TeamId,
            ["team_domain"] = SandboxDirectory.TeamDomain,
            ["channel_id"] = channel.Id,
            ["channel_name"] = channel.Name,
            ["user_id"] = user.Id,
            ["user_name"] = user.Name,
            ["command"] = command,
            ["text"] = Escape(text),
            ["api_app_id"] = SandboxDirectory.AppId,
            ["is_enterprise_install"] = "false",
            ["response_url"] = ResponseUrl(channel.Id, user.Id),
            ["trigger_id"] = workspace.NewTrigger(user.Id),
        };
        using var content = new FormUrlEncodedContent(form);
        var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var answer = await PostAsync("slack/commands", "application/x-www-form-urlencoded", body, cancellationToken).ConfigureAwait(false);
        if (answer.Status != HttpStatusCode.OK)
        {
            var error = answer.Status == HttpStatusCode.GatewayTimeout ? "operation_timeout" : "dispatch_failed";
            workspace.Whisper(channel.Id, user.Id, SandboxDirectory.SlackbotId, $"{command} failed with the error \"{error}\"", blocks: null);
            return;
        }

        if (ParseObject(answer.Body) is { } reply)
        {
            Respond(channel.Id, user.Id, reply);
        }
    }

    /// <summary>A click on a button or a choice in a select of a message: a <c>block_actions</c> interaction.</summary>
    public async Task BlockActionAsync(EmulatedUser user, EmulatedChannel channel, string messageTs, JsonObject action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(action);
        var message = workspace.MessagePayload(channel.Id, messageTs, user.Id) ?? throw new SlackErrorException("message_not_found");
        var isEphemeral = !message.ContainsKey("user");
        action["action_ts"] = (clock.GetCurrentInstant().ToUnixTimeTicks() / 10).ToString(CultureInfo.InvariantCulture).Insert(10, ".");
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = UserJson(user),
            ["api_app_id"] = SandboxDirectory.AppId,
            ["token"] = "",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel.Id, ["is_ephemeral"] = isEphemeral },
            ["trigger_id"] = workspace.NewTrigger(user.Id),
            ["team"] = new JsonObject { ["id"] = SandboxDirectory.TeamId, ["domain"] = SandboxDirectory.TeamDomain },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["channel"] = new JsonObject { ["id"] = channel.Id, ["name"] = channel.Name },
            ["message"] = message,
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = ResponseUrl(channel.Id, user.Id),
            ["actions"] = new JsonArray(action),
        };
        await InteractAsync(user, channel.Id, payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The submit button of a modal: a <c>view_submission</c> with the person's input as <c>state.values</c>. Returns the
    /// field errors when the bot keeps the form open with <c>response_action: errors</c>; otherwise the modal closes (or
    /// shows the view of <c>response_action: update</c>).
    /// </summary>
    public async Task<JsonObject?> SubmitViewAsync(EmulatedUser user, EmulatedView view, JsonObject values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(view);
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SandboxDirectory.TeamId, ["domain"] = SandboxDirectory.TeamDomain },
            ["user"] = UserJson(user),
            ["api_app_id"] = SandboxDirectory.AppId,
            ["token"] = "",
            ["trigger_id"] = workspace.NewTrigger(user.Id),
            ["view"] = workspace.SubmittedView(view, values),
            ["response_urls"] = new JsonArray(),
            ["is_enterprise_install"] = false,
            ["enterprise"] = null,
        };
        var reply = await InteractAsync(user, channel: null, payload, cancellationToken).ConfigureAwait(false);
        switch (reply is null ? null : SlackArgs.Text(reply, "response_action"))
        {
            case "errors":
                // A copy: the node stays in the bot's reply, and the page's answer is a new document.
                return reply!["errors"]?.DeepClone() as JsonObject ?? [];
            case "update" or "push" when reply!["view"] is JsonObject next:
                workspace.ReplaceView(view.Id, next);
                return null;
            default:
                workspace.CloseView(view.Id);
                return null;
        }
    }

    /// <summary>A POST to a response_url: the answer goes to the person (ephemeral) or, <c>in_channel</c>, to everyone.</summary>
    public bool Respond(string token, JsonObject answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (responseUrls.Use(token) is not { } target)
        {
            return false;
        }

        Respond(target.Channel, target.User, answer);
        return true;
    }

    private void Respond(string channel, string user, JsonObject answer)
    {
        var text = SlackArgs.Text(answer, "text") ?? "";
        var blocks = answer["blocks"] as JsonArray;
        if (text.Length == 0 && blocks is null)
        {
            return;
        }

        if (SlackArgs.Text(answer, "response_type") == "in_channel")
        {
            workspace.PostReply(channel, text, blocks);
        }
        else
        {
            workspace.Whisper(channel, user, SandboxDirectory.BotUserId, text, blocks);
        }
    }

    private async Task<JsonObject?> InteractAsync(EmulatedUser user, string? channel, JsonObject payload, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("payload", payload.ToJsonString())]);
        var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var answer = await PostAsync("slack/interactions", "application/x-www-form-urlencoded", body, cancellationToken).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.OK)
        {
            return ParseObject(answer.Body);
        }

        // Slack shows a warning triangle beside the button; the page shows Slackbot's word for it.
        if (channel is not null)
        {
            workspace.Whisper(channel, user.Id, SandboxDirectory.SlackbotId, "IncidentBot did not respond to that click. Try again, or check the bot's log.", blocks: null);
        }

        throw new SlackErrorException(answer.Status == HttpStatusCode.GatewayTimeout ? "operation_timeout" : "dispatch_failed");
    }

    private string ResponseUrl(string channel, string user)
    {
        return new Uri(session.BaseUrl, $"sandbox/respond/{responseUrls.Issue(channel, user)}").ToString();
    }

    private static JsonObject UserJson(EmulatedUser user) => new()
    {
        ["id"] = user.Id,
        ["username"] = user.Name,
        ["name"] = user.Name,
        ["team_id"] = SandboxDirectory.TeamId,
    };

    /// <summary>What Slack does to a command's text when the app asks for escaping: known <c>@name</c> and <c>#channel</c> become ids.</summary>
    private string Escape(string text)
    {
        text = Mention().Replace(text, m => SandboxDirectory.FindByName(m.Groups[1].Value) is { } person ? $"<@{person.Id}|{person.Name}>" : m.Value);
        return ChannelMention().Replace(text, m => workspace.FindChannelByName(m.Groups[1].Value) is { } c ? $"<#{c.Id}|{c.Name}>" : m.Value);
    }

    [GeneratedRegex(@"(?<![\w<])@([a-z0-9._-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![\w<&])#([a-z0-9_-]+)")]
    private static partial Regex ChannelMention();
}
