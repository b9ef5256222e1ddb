using IncidentBot.Slack.Inbound;

namespace IncidentBot.Shortcuts;

public static class ShortcutsExtensions
{
    /// <summary>The message shortcuts "Add to incident timeline" and "Declare incident from this message", with their forms. Needs <c>AddLifecycle</c> and <c>AddScribe</c>.</summary>
    public static IHostApplicationBuilder AddShortcuts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IMessageShortcutHandler, AddToTimelineShortcut>();
        services.AddSingleton<IViewSubmissionHandler, TimelinePickHandler>();
        services.AddSingleton<IMessageShortcutHandler, DeclareFromMessageShortcut>();
        services.AddSingleton<IViewSubmissionHandler, DeclareFromMessageHandler>();
        return builder;
    }
}
