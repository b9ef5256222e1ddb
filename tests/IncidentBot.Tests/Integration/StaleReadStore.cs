using System.Reflection;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The bot's real store, except that once <see cref="HoldNextFind"/> is called the next <c>FindByWarRoom</c> (a command
/// typed in a war room looks its incident up so) reads the incident and then waits for <see cref="Release"/> before handing it over: the copy a command decides on is then older than
/// the incident, as when another change commits between a command's read and its write.
/// </summary>
public class StaleReadStore : DispatchProxy
{
    private IIncidentStore inner = null!;
    private TaskCompletionSource? held;
    private TaskCompletionSource read = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Replaces the bot's store with one around it; the returned proxy controls the hold.</summary>
    internal static Func<StaleReadStore> Install(IServiceCollection services)
    {
        StaleReadStore? proxy = null;
        services.AddSingleton(sp =>
        {
            var store = Create<IIncidentStore, StaleReadStore>();
            proxy = (StaleReadStore)(object)store;
            proxy.inner = ActivatorUtilities.CreateInstance<LiteDbIncidentStore>(sp);
            return store;
        });
        return () => proxy ?? throw new InvalidOperationException("The store was not built yet.");
    }

    public void HoldNextFind()
    {
        read = new(TaskCreationOptions.RunContinuationsAsynchronously);
        release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        held = release;
    }

    /// <summary>Completes once the held look-up has read its copy.</summary>
    public Task Read => read.Task;

    public void Release() => release.TrySetResult();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var result = targetMethod.Invoke(inner, args);
        if (targetMethod.Name == nameof(IIncidentStore.FindByWarRoom) && result is Incident && Interlocked.Exchange(ref held, null) is { } gate)
        {
            read.TrySetResult();
            gate.Task.Wait(TimeSpan.FromSeconds(10));
        }

        return result;
    }
}
