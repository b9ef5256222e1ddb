using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Incidents;
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
public static partial class PostmortemEndpoints
{
    private const string Bearer = "Bearer ";

    /// <summary>Maps the endpoint; its options and the post-mortem template are checked as the host starts.</summary>
    public static RouteGroupBuilder MapPostmortems(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/incidents");
        group.MapGet("/{id}/postmortem.md", Draft);
        return group;
    }

    private static async Task<IResult> Draft(
        string id,
        HttpContext http,
        IOptions<PostmortemOptions> options,
        IIncidentStore store,
        INoteStore notes,
        PostmortemRenderer renderer,
        IPeopleDirectory people,
        IClock clock,
        ILoggerFactory loggers)
    {
        var token = options.Value.AccessToken;
        if (token.Length == 0)
        {
            return Results.NotFound();
        }

        var logger = loggers.CreateLogger(typeof(PostmortemEndpoints).FullName!);
        if (!Authorized(http.Request.Headers.Authorization.ToString(), token))
        {
            LogRefused(logger, http.Connection.RemoteIpAddress);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Unauthorized();
        }

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

    /// <summary>Compares hashes in constant time, so neither the token's content nor its length leaks through timing.</summary>
    internal static bool Authorized(string header, string token)
    {
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(header[Bearer.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(offered, expected);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a post-mortem draft request from {Remote}: missing or wrong access token")]
    private static partial void LogRefused(ILogger logger, System.Net.IPAddress? remote);
}
