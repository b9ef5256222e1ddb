using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Observability;
using IncidentBot.People;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Postmortems;

/// <summary>
/// <c>GET /incidents/{id}/postmortem.md</c>: the current draft, read-only, for pasting into a wiki. It opens only with
/// <see cref="PostmortemOptions.AccessToken"/> as a bearer token (401 without it or with another); with no token
/// configured, and for an incident that does not exist, it answers 404. The id is <c>42</c> or <c>INC-42</c>.
/// </summary>
public static class PostmortemEndpoints
{
    /// <summary>Maps the endpoint; its options and the post-mortem template are checked as the host starts.</summary>
    public static RouteGroupBuilder MapPostmortems(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/incidents");
        group.MapGet("/{id}/postmortem.md", Draft)
            .AddEndpointFilter(new BearerTokenFilter(sp => sp.GetRequiredService<IOptions<PostmortemOptions>>().Value.AccessToken, "post-mortem draft"));
        return group;
    }

    private static async Task<IResult> Draft(
        string id,
        HttpContext http,
        IIncidentStore store,
        INoteStore notes,
        PostmortemRenderer renderer,
        IPeopleDirectory people,
        IClock clock)
    {
        if (!TryParse(id, out var incidentId) || store.Find(incidentId) is not { } incident)
        {
            return Results.NotFound();
        }

        var timeline = store.Timeline(incident.Id);
        var noted = notes.ForIncident(incident.Id);
        var names = await PersonNames.LookUpAsync(people, PostmortemModel.People(incident, timeline, noted), http.RequestAborted).ConfigureAwait(false);
        var draft = renderer.Render(incident, timeline, noted, clock.GetCurrentInstant(), names);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(draft, "text/markdown; charset=utf-8");
    }

    private static bool TryParse(string text, out IncidentId id)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            id = new IncidentId(number);
            return true;
        }

        return IncidentId.TryParse(text, out id);
    }
}
