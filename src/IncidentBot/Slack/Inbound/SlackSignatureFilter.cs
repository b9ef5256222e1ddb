namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Checks the signature headers, then reads the raw body once (413 past 1 MiB), and refuses (401) any request whose Slack signature does not verify, before any handler
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
        var timestamp = http.Request.Headers[SlackSignatureVerifier.TimestampHeader].ToString();
        var signature = http.Request.Headers[SlackSignatureVerifier.SignatureHeader].ToString();

        // Headers first: a request they already refuse is answered without reading its body.
        var check = verifier.CheckHeaders(timestamp, signature);
        if (check != SignatureCheck.Valid)
        {
            return Refused(http, check);
        }

        var body = await BoundedBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        check = verifier.Verify(timestamp, signature, body);
        if (check != SignatureCheck.Valid)
        {
            return Refused(http, check);
        }

        http.Items[BodyKey] = body;
        return await next(context).ConfigureAwait(false);
    }

    private IResult Refused(HttpContext http, SignatureCheck check)
    {
        LogRefused(http.Request.Path, check);
        return Results.Text("invalid signature", statusCode: StatusCodes.Status401Unauthorized);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused request to {Path}: signature {Check}")]
    private partial void LogRefused(PathString path, SignatureCheck check);
}
