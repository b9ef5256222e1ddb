using IncidentBot.Changes;
using IncidentBot.Outbox;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Paging;

public static class PagingExtensions
{
    /// <summary>The pager services: their settings, resolving with the incident, paging again on reopen, and the outbox steps.</summary>
    public static IHostApplicationBuilder AddPaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PagingOptions>().BindConfiguration(PagingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PagingOptions>, PagingOptionsValidator>();
        services.AddSingleton<IIncidentChangeListener, PagerResolutions>();
        services.AddSingleton<IDecisionEffects, PagerReopening>();
        services.AddHttpClient<PagerClient>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddOutboxStep<PageStep>();
        services.AddOutboxStep<UnpageStep>();
        return builder;
    }
}
