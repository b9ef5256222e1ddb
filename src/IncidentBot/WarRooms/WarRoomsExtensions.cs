using IncidentBot.Outbox;

namespace IncidentBot.WarRooms;

public static class WarRoomsExtensions
{
    /// <summary>The outbox steps that make and keep the war room: create, invite, post, pin, topic, refresh, archive.</summary>
    public static IHostApplicationBuilder AddWarRooms(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<WarRoomFailure>();
        services.AddOutboxStep<CreateWarRoomStep>();
        services.AddSingleton<WarRoomMembers>();
        services.AddOutboxStep<InviteStep>();
        services.AddOutboxStep<PostDeclarationStep>();
        services.AddOutboxStep<PinDeclarationStep>();
        services.AddOutboxStep<SetTopicStep>();
        services.AddOutboxStep<PostStep>();
        services.AddOutboxStep<RefreshDeclarationStep>();
        services.AddOutboxStep<ArchiveWarRoomStep>();
        services.AddOutboxStep<UpdateMessageStep>();
        services.AddOutboxStep<EphemeralStep>();
        services.AddOutboxStep<NotifyStep>();
        return builder;
    }
}
