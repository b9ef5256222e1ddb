using IncidentBot.Commands;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.AddSlack();
builder.AddStorage();
builder.AddCommands();

var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapSlack();

try
{
    await app.RunAsync().ConfigureAwait(false);
}
catch (OptionsValidationException ex)
{
    // One clear line per missing or wrong setting, not a stack trace.
    foreach (var failure in ex.Failures)
    {
        await Console.Error.WriteLineAsync($"IncidentBot cannot start: {failure}").ConfigureAwait(false);
    }

    Environment.ExitCode = 1;
}

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
