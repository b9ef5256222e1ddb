using System.Text.Json.Nodes;
using IncidentBot.Emulator;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Sandbox;

/// <summary>
/// What the sandbox page can make happen that one person at the page cannot do by hand: someone else reacting to the
/// newest message (a second 📝 puts it on the timeline as a team would), and the update reminder of the open war room
/// now (the sandbox's clock moves to it, as "Skip ahead" does, so everything due by then happens too).
/// </summary>
internal static class SandboxSamples
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/sandbox/samples/reaction", ReactAsync);
        app.MapPost("/sandbox/samples/reminder", RemindAsync);
    }

    private static async Task<IResult> ReactAsync(HttpRequest request, EmulatedWorkspace workspace, IOptions<IncidentsOptions> incidents)
    {
        if (await Body(request).ConfigureAwait(false) is not { } body)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var me = SlackArgs.Text(body, "user");
        if (workspace.FindChannel(SlackArgs.Text(body, "channel") ?? "") is not { IsArchived: false } channel)
        {
            return Refused("channel_not_found", "Open a channel that is not archived first.");
        }

        // Someone other than the person at the page: a member of the channel if there is one, else a colleague who has
        // the public war room open (a new SEV-3's war room has its declarer alone).
        var others = SandboxDirectory.People.Where(p => p.Id != me).ToList();
        var other = others.Find(p => channel.Members.Contains(p.Id)) ?? (channel.IsPrivate ? null : others.FirstOrDefault());
        var name = incidents.Value.ScribeReaction;
        var messages = workspace.Messages(channel.Id).Where(m => m.ThreadTs is null).ToList();
        var target = messages.LastOrDefault(m => !m.IsBot) ?? messages.LastOrDefault();
        if (other is null || target is null)
        {
            return Refused("nothing_to_react_to", other is null ? "Nobody else is in this channel to react." : "Post a message here first: the sample reacts to the newest one.");
        }

        if (target.Reactions.Find(r => r.Name == name)?.Users.Contains(other.Id) != true)
        {
            workspace.ToggleReaction(other, channel.Id, target.Ts, name);
        }

        return Results.Json(new JsonObject { ["ok"] = true, ["user"] = other.Id, ["name"] = other.RealName, ["reaction"] = name, ["ts"] = target.Ts });
    }

    private static async Task<IResult> RemindAsync(HttpRequest request, IIncidentStore store, SandboxClock clock)
    {
        if (await Body(request).ConfigureAwait(false) is not { } body)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        // The open war room's incident, or else the incident declared last that is still open.
        var incident = store.FindByWarRoom(new SlackChannelId(SlackArgs.Text(body, "channel") ?? "")) is { IsOpen: true } here
            ? here
            : store.ListOpen().MaxBy(i => i.Id.Value);
        if (incident is null)
        {
            return Refused("no_open_incident", "No incident is open: declare one first (/incident create …).");
        }

        if (incident.RemindersStopped || incident.NextUpdateDue is not { } due)
        {
            return Refused("reminders_stopped", $"{incident.Id}'s update reminders are stopped: /incident remind on turns them back on.");
        }

        var wait = due - clock.GetCurrentInstant();
        if (wait > Duration.Zero)
        {
            // A second past the due time, so the reminder is due however the instants round.
            clock.Advance((wait + Duration.FromSeconds(1)).ToTimeSpan());
        }

        return Results.Json(new JsonObject { ["ok"] = true, ["incident"] = incident.Id.ToString(), ["aheadMinutes"] = Math.Round(clock.Offset.TotalMinutes, 2) });
    }

    /// <summary>Only the page, which sends JSON: another site cannot post JSON here without a CORS preflight.</summary>
    private static async Task<JsonObject?> Body(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<JsonNode>(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static IResult Refused(string error, string detail) =>
        Results.BadRequest(new JsonObject { ["ok"] = false, ["error"] = error, ["detail"] = detail });
}
