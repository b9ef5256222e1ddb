using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// PagerDuty's REST API and Opsgenie's Who-is-on-call API on 127.0.0.1, as far as the bot asks them: <c>GET /oncalls</c>
/// (with <c>include[]=users</c>, so each on-call has its user's email) and <c>GET /v2/schedules/{id}/on-calls?flat=true</c>.
/// A schedule answers with the emails it was given; one marked failing answers 500; an unknown one 404. Records every request.
/// </summary>
public sealed class FakeOnCallApi : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<ReceivedRequest> requests = [];
    private readonly Dictionary<string, string[]> schedules = new(StringComparer.Ordinal);
    private readonly HashSet<string> failing = new(StringComparer.Ordinal);
    private readonly WebApplication app;

    private FakeOnCallApi(WebApplication app)
    {
        this.app = app;
        app.MapGet("/oncalls", PagerDutyAsync);
        app.MapGet("/v2/schedules/{id}/on-calls", OpsgenieAsync);
    }

    public Uri BaseUrl => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public static async Task<FakeOnCallApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var fake = new FakeOnCallApi(builder.Build());
        await fake.app.StartAsync();
        return fake;
    }

    /// <summary>Who is on call in <paramref name="schedule"/> now, by email.</summary>
    public void OnCall(string schedule, params string[] emails)
    {
        lock (gate)
        {
            schedules[schedule] = emails;
        }
    }

    /// <summary>From now on asking about <paramref name="schedule"/> answers 500.</summary>
    public void Fail(string schedule)
    {
        lock (gate)
        {
            failing.Add(schedule);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private Task PagerDutyAsync(HttpContext context)
    {
        var schedule = context.Request.Query["schedule_ids[]"].ToString();
        return AnswerAsync(context, schedule, emails => new JsonObject
        {
            ["oncalls"] = new JsonArray([.. emails.Select((e, i) => (JsonNode)new JsonObject
            {
                ["escalation_level"] = i + 1,
                ["schedule"] = new JsonObject { ["id"] = schedule, ["type"] = "schedule_reference" },
                ["user"] = new JsonObject { ["id"] = $"PUSER{i}", ["type"] = "user", ["summary"] = e, ["email"] = e },
            })]),
            ["limit"] = 25,
            ["offset"] = 0,
            ["more"] = false,
        });
    }

    private Task OpsgenieAsync(HttpContext context, string id) =>
        AnswerAsync(context, id, emails => new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["_parent"] = new JsonObject { ["id"] = id, ["name"] = id, ["enabled"] = true },
                ["onCallRecipients"] = new JsonArray([.. emails.Select(e => (JsonNode)e)]),
            },
            ["took"] = 0.1,
            ["requestId"] = "req-1",
        });

    private async Task AnswerAsync(HttpContext context, string schedule, Func<string[], JsonObject> body)
    {
        int status;
        string[]? emails;
        lock (gate)
        {
            emails = schedules.GetValueOrDefault(schedule);
            status = failing.Contains(schedule) ? 500 : emails is null ? 404 : 200;
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            requests.Add(new ReceivedRequest(context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, "", status));
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(status == 200 ? body(emails!).ToJsonString() : """{"error":{"message":"not available"}}""", context.RequestAborted);
    }
}
