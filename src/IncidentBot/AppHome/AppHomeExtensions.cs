using IncidentBot.Slack.Inbound;

namespace IncidentBot.AppHome;

public static class AppHomeExtensions
{
    /// <summary>The App Home tab: the incidents going on, published when opened and after each change. Needs <c>AddIncidents</c>.</summary>
    public static IHostApplicationBuilder AddAppHome(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<HomeViewers>();
        services.AddSingleton<HomeView>();
        services.AddSingleton<ISlackEventSubscriber, HomeOpenedSubscriber>();
        services.AddHostedService<HomeRefreshService>();
        return builder;
    }
}
