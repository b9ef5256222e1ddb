using IncidentBot.Outbox;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Bookmarks;

public static class BookmarksExtensions
{
    /// <summary>The war room's bookmarks: the call, the runbooks and the post-mortem, added as the incident is declared.</summary>
    public static IHostApplicationBuilder AddBookmarks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RunbooksOptions>()
            .Configure<IConfiguration>((o, config) => config.GetSection(RunbooksOptions.Section).Bind(o.Runbooks))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RunbooksOptions>, BookmarksOptionsValidator>();
        services.AddSingleton<IIncidentChangeListener, WarRoomBookmarks>();
        services.AddOutboxStep<AddBookmarkStep>();
        return builder;
    }
}
