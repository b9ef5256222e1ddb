using IncidentBot.Acknowledgements;
using IncidentBot.Admin;
using IncidentBot.Alerts;
using IncidentBot.Announcements;
using IncidentBot.AppHome;
using IncidentBot.Bookmarks;
using IncidentBot.Buttons;
using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Escalation;
using IncidentBot.Lifecycle;
using IncidentBot.Messaging;
using IncidentBot.Metrics;
using IncidentBot.Outbox;
using IncidentBot.Paging;
using IncidentBot.Observability;
using IncidentBot.People;
using IncidentBot.Postmortems;
using IncidentBot.Reminders;
using IncidentBot.Retention;
using IncidentBot.Sandbox;
using IncidentBot.Scheduling;
using IncidentBot.Scribe;
using IncidentBot.Shortcuts;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;
using IncidentBot.StatusPages;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using IncidentBot.Webhooks;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using NodaTime;

var builder = WebApplication.CreateBuilder(args);

// A failed start is told below, one line per reason; the host would repeat it as a stack trace. A service that dies
// later is still logged: the host reports that as critical.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

// Likewise a port in use: Kestrel would log it as a critical stack trace before it is told below.
builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", level => level is >= LogLevel.Warning and < LogLevel.Critical);
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.AddSlack();
builder.AddPeople();
builder.AddStorage();
builder.AddChanges();
builder.AddIncidents();
builder.AddLifecycle();
builder.AddScheduling();
builder.AddReminders();
builder.AddButtons();
builder.AddOutbox();
builder.AddWarRooms();
builder.AddAnnouncements();
builder.AddScribe();
builder.AddShortcuts();
builder.AddAppHome();
builder.AddEscalation();
builder.AddAcknowledgements();
builder.AddBookmarks();
builder.AddWebhooks();
builder.AddPaging();
builder.AddPostmortems();
builder.AddRetention();
builder.AddMetrics();
builder.AddStatusPages();
builder.AddAlerts();
builder.AddSandbox();
builder.AddObservability();
builder.AddAdmin();

var app = builder.Build();
app.MapHealth();
app.MapSlack();
app.MapSandbox();
app.MapPostmortems();
app.MapMetrics();
app.MapAlerts();
app.MapAdmin();

try
{
    // Settings (ValidateOnStart) and templates (TemplateCheck) are checked as the host starts, before any service
    // runs, so a mistake is one clear line at start-up, not a stack trace, and never a failure in the middle of an incident.
    await app.StartAsync().ConfigureAwait(false);
}
catch (Exception ex) when (StartFailures(ex) is [_, ..] lines)
{
    // What started before the failure (the server finds its port in use, Slack refuses the token) stops as at
    // shutdown, not cancelled under its feet; the reason is said last.
    if (AfterServicesStarted(ex))
    {
        await app.StopAsync().ConfigureAwait(false);
    }

    foreach (var line in lines)
    {
        await Console.Error.WriteLineAsync($"IncidentBot cannot start: {line}").ConfigureAwait(false);
    }

    await app.DisposeAsync().ConfigureAwait(false);
    return 1;
}

// What the start allocated (settings bound, templates checked, routes built, about 9 MB) is garbage now, and an idle bot
// may not allocate enough to collect it for hours: if no collection has run yet, one compacting collection gives those
// pages back to the system. A process whose heap has already been collected (a host inside a larger one) is left to its GC.
if (GC.CollectionCount(0) == 0)
{
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}

await app.WaitForShutdownAsync().ConfigureAwait(false);
await app.DisposeAsync().ConfigureAwait(false);
return 0;

// The reasons a start failed that the operator can fix: settings, templates, a data file in use or of the other kind, a token
// Slack refuses and a port in use; anything else stays an exception.
static List<string> StartFailures(Exception ex)
{
    List<string> lines = ex switch
    {
        OptionsValidationException options => [.. options.Failures],
        TemplateException template => [template.Message],
        StorageInUseException inUse => [inUse.Message],
        StorageUnavailableException unavailable => [unavailable.Message],
        SlackTokenRefusedException refused => [refused.Message],
        IOException { InnerException: AddressInUseException } inUse =>
            [$"{inUse.Message.TrimEnd('.')}: another program listens there. Stop it, or choose another port with --urls (e.g. --urls http://localhost:5001)."],
        AggregateException all when all.InnerExceptions.All(e => StartFailures(e).Count > 0) => [.. all.InnerExceptions.SelectMany(StartFailures)],
        _ => [],
    };
    return [.. lines.Distinct()];
}

// The failures that come once the services run: the server's bind and the start's auth.test.
static bool AfterServicesStarted(Exception ex) =>
    ex is SlackTokenRefusedException or IOException || (ex is AggregateException all && all.InnerExceptions.Any(AfterServicesStarted));

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
