using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Outbox;

public static class OutboxExtensions
{
    /// <summary>The outbox's delivery: its settings, the keyed index of steps, the upgrade of stored messages, the background service, <c>/health</c>'s counts.</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.MaxAttempts >= 1, "Outbox:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<OutboxSteps>();
        services.AddSingleton<OutboxSlack>();
        services.AddSingleton<OutboxDelivery>();

        // Registered before the service, so stored messages are upgraded before the first is delivered.
        services.AddHostedService<OutboxUpgrade>();
        services.AddHostedService<OutboxService>();
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");
        return builder;
    }

    /// <summary>Registers <typeparamref name="TStep"/> as the outbox step of its payload's kind.</summary>
    public static IServiceCollection AddOutboxStep<TStep>(this IServiceCollection services)
        where TStep : class, IOutboxStep
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxStep, TStep>());
        return services;
    }
}
