using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts;

/// <summary>
/// <c>POST /alerts/pagerduty</c>, <c>/alerts/opsgenie</c> and <c>/alerts/alertmanager</c>. Each reads at most
/// <see cref="MaxBodyBytes"/> of raw body, refuses (401) a request its source's signature or token does not verify
/// before anything else happens, answers a body that is not its source's JSON with 400, and hands the alert to
/// <see cref="AlertIntake"/>. An endpoint whose secret is not configured answers 404, as if it did not exist.
/// </summary>
public static partial class AlertEndpoints
{
    public const int MaxBodyBytes = 512 * 1024;

    public static RouteGroupBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/alerts");
        group.MapPost("/pagerduty", (HttpContext c, IOptions<AlertsOptions> o, AlertIntake intake) =>
            ReceiveAsync(c, AlertSource.PagerDuty, o.Value.PagerDutySecret, (body, secret) => PagerDutyWebhook.Verify(secret, body, c.Request.Headers[PagerDutyWebhook.SignatureHeader]), PagerDutyWebhook.Parse, intake));
        group.MapPost("/opsgenie", (HttpContext c, IOptions<AlertsOptions> o, AlertIntake intake) =>
            ReceiveAsync(c, AlertSource.Opsgenie, o.Value.OpsgenieToken, (_, token) => OpsgenieWebhook.Authorized(c.Request.Headers.Authorization, token), OpsgenieWebhook.Parse, intake));
        group.MapPost("/alertmanager", (HttpContext c, IOptions<AlertsOptions> o, AlertIntake intake) =>
            ReceiveAsync(c, AlertSource.Alertmanager, o.Value.AlertmanagerToken, (_, token) => AlertTokens.Bearer(c.Request.Headers.Authorization, token), AlertmanagerWebhook.Parse, intake));
        return group;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, AlertSource source, string secret, Func<byte[], string, bool> verify, Func<JsonElement, Alert?> parse, AlertIntake intake)
    {
        if (secret.Length == 0)
        {
            return Results.NotFound();
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AlertEndpoints));
        var body = await BoundedBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.Text($"the body is over {MaxBodyBytes / 1024} KiB", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!verify(body, secret))
        {
            LogRefused(logger, source, context.Connection.RemoteIpAddress);
            return Results.Text("missing or wrong signature or token", statusCode: StatusCodes.Status401Unauthorized);
        }

        Alert? alert;
        try
        {
            using var doc = JsonDocument.Parse(body);

            // A string that is not text (a lone surrogate) would throw in whichever field reads it first.
            alert = SlackJson.IsReadable(doc.RootElement) ? parse(doc.RootElement) : null;
        }
        catch (JsonException)
        {
            return Results.BadRequest("the body is not JSON");
        }

        if (alert is null)
        {
            return Results.BadRequest($"the body is not a {source} webhook the bot understands");
        }

        var outcome = await intake.ReceiveAsync(alert, context.RequestAborted).ConfigureAwait(false);
        LogReceived(logger, source, alert.Action, outcome.Outcome);
        return Results.Json(new JsonObject { ["outcome"] = outcome.Outcome, ["incident"] = outcome.Incident?.ToString() });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Source} alert from {Remote}: missing or wrong signature or token")]
    private static partial void LogRefused(ILogger logger, AlertSource source, System.Net.IPAddress? remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Source} alert ({Action}) was {Outcome}")]
    private static partial void LogReceived(ILogger logger, AlertSource source, AlertAction action, string outcome);
}
