namespace IncidentBot.Outbox;

/// <summary>Every registered <see cref="IOutboxStep"/>, keyed by the kind of message it carries out.</summary>
public sealed class OutboxSteps
{
    private readonly Dictionary<string, IOutboxStep> steps;

    public OutboxSteps(IEnumerable<IOutboxStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        this.steps = [];
        foreach (var step in steps)
        {
            if (!this.steps.TryAdd(step.Kind, step))
            {
                throw new InvalidOperationException($"Two outbox steps carry out {step.Kind}: {this.steps[step.Kind].GetType().Name} and {step.GetType().Name}.");
            }
        }
    }

    /// <summary>The step for <paramref name="kind"/>; null for a kind nobody registered (a feature removed since).</summary>
    public IOutboxStep? Find(string kind) => steps.GetValueOrDefault(kind);

    /// <summary>Whether the step for <paramref name="kind"/> leaves the war room read-only (see <see cref="IOutboxStep.EndsWarRoom"/>).</summary>
    public bool EndsWarRoom(string kind) => Find(kind) is { EndsWarRoom: true };
}
