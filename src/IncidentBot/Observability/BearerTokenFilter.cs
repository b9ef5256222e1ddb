using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Observability;

/// <summary>
/// The gate of the operators' read-only endpoints (<c>/metrics</c>, the post-mortem draft): no token configured is 404,
/// as if the endpoint did not exist; a missing or wrong bearer token is 401 with <c>WWW-Authenticate: Bearer</c>. The
/// token is read per request from the options, compared in constant time, and never logged.
/// </summary>
public sealed partial class BearerTokenFilter(Func<IServiceProvider, string> token, string endpoint) : IEndpointFilter
{
    private const string Bearer = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var expected = token(http.RequestServices);
        if (expected.Length == 0)
        {
            return Results.NotFound();
        }

        if (!Authorized(http.Request.Headers.Authorization.ToString(), expected))
        {
            var logger = http.RequestServices.GetRequiredService<ILogger<BearerTokenFilter>>();
            LogRefused(logger, endpoint, http.Connection.RemoteIpAddress);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Unauthorized();
        }

        return await next(context).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a {Endpoint} request from {Remote}: missing or wrong access token")]
    private static partial void LogRefused(ILogger logger, string endpoint, System.Net.IPAddress? remote);
}
