using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>
/// The sandbox's clock on the page: what time it is there, and a skip ahead, so a person sees the next update reminder or
/// escalation step now instead of waiting for it.
/// </summary>
internal static class SandboxClockEndpoints
{
    /// <summary>The longest single skip: a week, enough for any cadence or escalation step.</summary>
    private const double MaxMinutes = 7 * 24 * 60;

    public static void MapClock(RouteGroupBuilder group)
    {
        group.MapGet("/clock", (SandboxClock clock) => Results.Json(Answer(clock)));
        group.MapPost("/clock/advance", AdvanceAsync);
    }

    private static async Task<IResult> AdvanceAsync(HttpRequest request, SandboxClock clock)
    {
        var body = await SandboxPageEndpoints.ReadJsonAsync(request).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (SlackArgs.Given(body, "minutes") is not { } given || !double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes)
            || !double.IsFinite(minutes) || minutes <= 0 || minutes > MaxMinutes)
        {
            return Results.BadRequest(new JsonObject { ["ok"] = false, ["error"] = "invalid_minutes", ["detail"] = $"minutes must be a number above 0 and at most {MaxMinutes}" });
        }

        clock.Advance(TimeSpan.FromMinutes(minutes));
        return Results.Json(Answer(clock));
    }

    private static JsonObject Answer(SandboxClock clock) => new()
    {
        ["ok"] = true,
        ["now"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        ["aheadMinutes"] = Math.Round(clock.Offset.TotalMinutes, 2),
    };
}
