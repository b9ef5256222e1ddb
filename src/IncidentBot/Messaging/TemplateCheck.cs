namespace IncidentBot.Messaging;

/// <summary>
/// Builds <typeparamref name="TRenderer"/>, which parses and test-renders its templates, as the host starts: after the
/// settings are validated and before any service runs, so a broken template stops the start with its file and line.
/// </summary>
public sealed class TemplateCheck<TRenderer>(IServiceProvider services) : IHostedLifecycleService
    where TRenderer : notnull
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<TRenderer>();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
