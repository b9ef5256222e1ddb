using IncidentBot.Messaging;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Buttons;

public static class ButtonsExtensions
{
    /// <summary>The buttons on the declaration and the announcement, and their clicks. Needs <c>AddIncidents</c>, <c>AddChanges</c> and <c>AddReminders</c> (the update form).</summary>
    public static IHostApplicationBuilder AddButtons(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IMessageButtons, IncidentButtons>();
        services.AddSingleton<IBlockActionHandler, IncidentButtonHandler>();
        return builder;
    }
}
