using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// An HTTP endpoint on 127.0.0.1 that stands in for a webhook receiver, PagerDuty's Events API or Opsgenie's Alert API:
/// it records every POST (path, query, headers, body) and answers the first <see cref="FailFirst"/> with 500, the rest
/// with 202 as those APIs do.
/// </summary>
public sealed class FakeHttpReceiver : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<ReceivedRequest> requests = [];
    private readonly WebApplication app;

    private FakeHttpReceiver(WebApplication app)
    {
        this.app = app;
        app.MapPost("/{**path}", ReceiveAsync);
    }

    /// <summary>How many requests, from the first, fail with 500 before the receiver accepts.</summary>
    public int FailFirst { get; set; }

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

    /// <summary>The requests answered with success.</summary>
    public IReadOnlyList<ReceivedRequest> Accepted => Requests.Where(r => r.Status < 300).ToList();

    public static async Task<FakeHttpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var fake = new FakeHttpReceiver(builder.Build());
        await fake.app.StartAsync();
        return fake;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        int status;
        lock (gate)
        {
            status = requests.Count < FailFirst ? 500 : 202;
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            requests.Add(new ReceivedRequest(context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body, status));
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(status == 202 ? """{"status":"success","message":"Event processed"}""" : """{"message":"try again"}""", context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
