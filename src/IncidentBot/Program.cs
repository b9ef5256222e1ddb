using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Metrics;
using IncidentBot.Observability;
using IncidentBot.People;
using IncidentBot.Postmortems;
using IncidentBot.Sandbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.AddSlack();
builder.AddPeople();
builder.AddStorage();
builder.AddChanges();
builder.AddIncidents();
builder.AddEscalation();
builder.AddPostmortems();
builder.AddMetrics();
builder.AddSandbox();
builder.AddObservability();

var app = builder.Build();
app.MapHealth();
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
    _ = app.Services.GetRequiredService<IOptions<IncidentBot.Paging.PagingOptions>>().Value;
    _ = app.Services.GetRequiredService<IOptions<IncidentBot.Webhooks.WebhookOptions>>().Value;
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
