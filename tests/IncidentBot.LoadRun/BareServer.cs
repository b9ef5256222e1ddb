using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.LoadRun;

/// <summary>
/// The ceiling: Kestrel with one endpoint that reads the body, checks Slack's signature with the bot's own verifier and
/// answers 200 — everything an acknowledgement must do and nothing else. Runs in its own process, like the bot.
/// </summary>
internal static class BareServer
{
    public static async Task RunAsync(string url, string signingSecret)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(url);
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var verifier = new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = signingSecret }), SystemClock.Instance);
        app.MapPost("/slack/{kind}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            var check = verifier.Verify(
                http.Request.Headers[SlackSignatureVerifier.TimestampHeader],
                http.Request.Headers[SlackSignatureVerifier.SignatureHeader],
                body.GetBuffer().AsSpan(0, (int)body.Length));
            http.Response.StatusCode = check == SignatureCheck.Valid ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
        });
        app.MapGet("/health", () => "ok");
        await app.RunAsync();
    }
}
