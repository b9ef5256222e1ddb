using System.Globalization;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Sandbox;

/// <summary>
/// Says the bot runs in the sandbox, where to open it and how soon its reminders come, once the server listens: a start
/// that fails (a port in use, say) says only why.
/// </summary>
internal sealed partial class SandboxBanner(SandboxSession session, IOptions<SandboxOptions> sandbox, IOptions<IncidentsOptions> incidents, ILogger<SandboxBanner> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var first = incidents.Value.Severities[0];
        var minutes = ((int)Math.Ceiling(first.UpdateInterval.GetValueOrDefault().TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        var scale = sandbox.Value.TimeScale;
        var times = scale > 1 && sandbox.Value.UpdateInterval is null
            ? $"Update reminders, escalation steps and response targets come {scale} times sooner than configured: a {first.Name} update is due {minutes} min after declaring (Sandbox__TimeScale=1 keeps the configured times)."
            : $"A {first.Name} update is due {minutes} min after declaring.";
        LogSandbox(new Uri(session.BaseUrl, "/"), times);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "SANDBOX MODE: no Slack workspace is used; IncidentBot runs against an emulated one. Open {Url} in a browser. {Times}")]
    private partial void LogSandbox(Uri url, string times);
}
