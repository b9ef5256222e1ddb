using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Observability;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Admin;

/// <summary>
/// The outbox for an operator: <c>GET /admin/outbox</c> lists the parked messages, those that failed for good and the pending ones still failing
/// (incident, kind, lane, state, attempts, last error; never the payload, which holds user text and webhook bodies), and
/// <c>POST /admin/outbox/{id}/retry</c> puts a parked message back to pending with a full allowance of attempts, audited
/// as <c>outbox retry</c>. Both need <see cref="AdminOptions.Token"/> as a bearer token (401 otherwise, 404 when none is configured).
/// </summary>
public static partial class OutboxAdminEndpoints
{
    /// <summary>The most messages one listing shows, oldest first.</summary>
    public const int MaxListed = 500;

    /// <summary>Who the audit log says retried a message: the operator, who has no Slack user.</summary>
    public static readonly ResponderId Operator = new("admin");

    public static void MapOutboxAdmin(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var gate = new BearerTokenFilter(sp => sp.GetRequiredService<IOptions<AdminOptions>>().Value.Token, "admin");
        app.MapGet("/admin/outbox", List).AddEndpointFilter(gate);
        app.MapPost("/admin/outbox/{id:long}/retry", RetryAsync).AddEndpointFilter(gate);
    }

    private static IResult List(IIncidentStore store)
    {
        var (pending, parked) = store.OutboxCounts();
        var messages = new JsonArray([.. store.TroubledOutbox(MaxListed).Select(m => (JsonNode)Describe(m))]);
        return Results.Json(new JsonObject { ["pending"] = pending, ["parked"] = parked, ["messages"] = messages });
    }

    private static async Task<IResult> RetryAsync(long id, IIncidentStore store, IClock clock, ILoggerFactory loggers)
    {
        var now = clock.GetCurrentInstant();
        var retried = await store.RetryParkedAsync(id, now, m => new AuditEntry
        {
            At = now,
            User = Operator,
            Channel = new SlackChannelId(""),
            IncidentId = m.IncidentId == OutboxMessage.NoIncident ? null : m.IncidentId,
            Command = string.Create(CultureInfo.InvariantCulture, $"outbox retry {m.Id} ({m.Kind})"),
            Outcome = "pending again",
        }).ConfigureAwait(false);
        if (retried is null)
        {
            return Results.NotFound(new JsonObject { ["error"] = "no parked outbox message has this id" });
        }

        LogRetried(loggers.CreateLogger(typeof(OutboxAdminEndpoints)), retried.Id, retried.Kind, retried.IncidentId);
        return Results.Json(Describe(retried));
    }

    private static JsonObject Describe(OutboxMessage message) => new()
    {
        ["id"] = message.Id,
        ["incident"] = message.IncidentId == OutboxMessage.NoIncident ? null : message.IncidentId.ToString(),
        ["kind"] = message.Kind,
        ["lane"] = message.Lane,
        ["state"] = message.State.ToString().ToLowerInvariant(),
        ["attempts"] = message.Attempts,
        ["error"] = message.Error,
        ["created_at"] = InstantPattern.ExtendedIso.Format(message.CreatedAt),
        ["next_attempt_at"] = message.State == OutboxState.Pending ? InstantPattern.ExtendedIso.Format(message.NextAttemptAt) : null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "An operator put outbox {MessageId} ({Kind}) of {Incident} back to pending")]
    private static partial void LogRetried(ILogger logger, long messageId, string kind, IncidentId incident);
}
