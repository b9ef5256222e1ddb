using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

public static class CommandsExtensions
{
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ISlashCommandHandler, CommandRouter>();
        return builder;
    }
}
