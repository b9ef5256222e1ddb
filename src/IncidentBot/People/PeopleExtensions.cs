using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.People;

public static class PeopleExtensions
{
    /// <summary>The people directory (users.info, cached) that names people and reads their time zones. Needs <c>AddSlack</c>.</summary>
    public static IHostApplicationBuilder AddPeople(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPeopleDirectory, SlackPeopleDirectory>();
        return builder;
    }
}
