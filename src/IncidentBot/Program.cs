using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Metrics;
using IncidentBot.Outbox;
using IncidentBot.Paging;
using IncidentBot.People;
using IncidentBot.Postmortems;
using IncidentBot.Sandbox;
using IncidentBot.Scribe;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.SocketMode;
using IncidentBot.StatusPages;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using IncidentBot.Webhooks;
using Microsoft.Extensions.Options;
using NodaTime;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.AddSlack();
builder.AddPeople();
builder.AddStorage();
builder.AddChanges();
builder.AddIncidents();
builder.AddOutbox();
builder.AddWarRooms();
builder.AddScribe();
builder.AddEscalation();
builder.AddWebhooks();
builder.AddPaging();
builder.AddPostmortems();
builder.AddMetrics();
builder.AddStatusPages();
builder.AddSandbox();

var app = builder.Build();
// 200 while HTTP serves; "degraded" says Socket Mode is configured but not connected right now.
app.MapGet("/health", (SocketModeStatus socket) =>
{
    var state = socket.State;
    return Results.Ok(new { status = state is SocketState.Disabled or SocketState.Connected ? "ok" : "degraded", socket = SocketModeStatus.HealthName(state) });
});
app.MapSlack();
app.MapSandbox();

try
{
    // Settings and templates are checked before the host starts, so a mistake is one clear line at start-up,
    // not a stack trace, and never a failure in the middle of an incident.
    _ = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
    _ = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
    _ = app.Services.GetRequiredService<IOptions<IncidentsOptions>>().Value;
    _ = app.Services.GetRequiredService<IOptions<EscalationOptions>>().Value;
    _ = app.Services.GetRequiredService<IOptions<PagingOptions>>().Value;
    _ = app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;
    app.Services.GetRequiredService<MessageRenderer>();
    app.MapPostmortems();
    app.MapMetrics();
}
catch (OptionsValidationException ex)
{
    foreach (var failure in ex.Failures)
    {
        await Console.Error.WriteLineAsync($"IncidentBot cannot start: {failure}").ConfigureAwait(false);
    }

    return 1;
}
catch (TemplateException ex)
{
    await Console.Error.WriteLineAsync($"IncidentBot cannot start: {ex.Message}").ConfigureAwait(false);
    return 1;
}

await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
