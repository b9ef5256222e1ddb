namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Reads the raw body once and refuses (401) any request whose Slack signature does not verify, before any handler
/// runs. The verified bytes are handed on through <see cref="HttpContext.Items"/>.
/// </summary>
public sealed partial class SlackSignatureFilter(SlackSignatureVerifier verifier, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    private const string BodyKey = "IncidentBot.SlackBody";
    private const int MaxBodyBytes = 1 << 20;

    public static byte[] VerifiedBody(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (byte[])context.Items[BodyKey]!;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var body = await BoundedBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var check = verifier.Verify(
            http.Request.Headers[SlackSignatureVerifier.TimestampHeader],
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader],
            body);
        if (check != SignatureCheck.Valid)
        {
            LogRefused(http.Request.Path, check);
            return Results.Text("invalid signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        http.Items[BodyKey] = body;
        return await next(context).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused request to {Path}: signature {Check}")]
    private partial void LogRefused(PathString path, SignatureCheck check);
}
