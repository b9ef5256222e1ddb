using IncidentBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Retention;

public static class RetentionExtensions
{
    /// <summary>Pruning of delivered outbox messages, old audit entries and finished war rooms' message copies, and the store's compaction, as scheduled work; and in every process, the C heap's free memory given back each round.</summary>
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(
                o => new[] { o.DeliveredOutbox, o.FailedOutbox, o.Audit, o.MessageCopiesAfterClose, o.Every }.All(t => t > TimeSpan.Zero),
                "Retention:DeliveredOutbox, FailedOutbox, Audit, MessageCopiesAfterClose and Every must be positive.")
            .Validate(o => o.BatchSize > 0 && o.BatchesPerTurn > 0, "Retention:BatchSize and Retention:BatchesPerTurn must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RetentionWork>();
        builder.Services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<RetentionWork>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<NativeHeapTrimmer>();
        return builder;
    }
}
