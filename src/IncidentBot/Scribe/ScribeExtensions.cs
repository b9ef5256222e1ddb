using IncidentBot.Commands;
using IncidentBot.Outbox;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Scribe;

public static class ScribeExtensions
{
    /// <summary>Notes from reactions, pins and war-room messages, and the scribe lane's outbox steps.</summary>
    public static IHostApplicationBuilder AddScribe(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<NoteTaker>();
        services.AddSingleton<IIncidentCommandHandler, NoteHandler>();
        services.AddSingleton<ISlackEventSubscriber>(sp => ActivatorUtilities.CreateInstance<ScribeReactionSubscriber>(sp, "reaction_added"));
        services.AddSingleton<ISlackEventSubscriber>(sp => ActivatorUtilities.CreateInstance<ScribeReactionSubscriber>(sp, "reaction_removed"));
        services.AddSingleton<ISlackEventSubscriber, MessageSubscriber>();
        services.AddSingleton<ISlackEventSubscriber, PinSubscriber>();
        services.AddOutboxStep<ConfirmNoteStep>();
        services.AddOutboxStep<FetchNoteTextStep>();
        services.AddOutboxStep<UnconfirmNoteStep>();
        services.AddOutboxStep<LinkNoteStep>();
        return builder;
    }
}
