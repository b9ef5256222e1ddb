namespace IncidentBot.Admin;

public static class AdminExtensions
{
    /// <summary>The <c>Admin</c> settings of the operators' endpoints (<see cref="OutboxAdminEndpoints"/>).</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section)
            .Validate(o => o.Token.Length is 0 or >= 16, "Admin:Token must be at least 16 characters.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary><c>GET /admin/outbox</c> and <c>POST /admin/outbox/{id}/retry</c>, behind <see cref="AdminOptions.Token"/>.</summary>
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOutboxAdmin();
        return app;
    }
}
