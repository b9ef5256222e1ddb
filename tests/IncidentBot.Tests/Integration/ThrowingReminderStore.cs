using System.Reflection;
using IncidentBot.Incidents;
using IncidentBot.Storage;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The bot's store, except that writing the update reminder of <see cref="Failing"/> throws, as a bad document or a
/// template bug would for one incident; everything else passes through.
/// </summary>
public class ThrowingReminderStore : DispatchProxy
{
    private IIncidentStore inner = null!;

    /// <summary>The incident whose reminder cannot be written; null lets every reminder through.</summary>
    public IncidentId? Failing { get; set; }

    public static IIncidentStore Around(IIncidentStore inner, out ThrowingReminderStore control)
    {
        var proxy = Create<IIncidentStore, ThrowingReminderStore>();
        control = (ThrowingReminderStore)(object)proxy;
        control.inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IIncidentStore.UpdateAsync) && args is [IncidentId id, AuditEntry { Command: "update reminder" }, ..] && id == Failing)
        {
            throw new InvalidOperationException($"the reminder of {id} cannot be written");
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
