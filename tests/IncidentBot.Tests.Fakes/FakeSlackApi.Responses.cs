using System.Text.Json.Nodes;
using IncidentBot.Emulator;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Tests.Fakes;

/// <summary>The response_url of a click or command, served by the fake: what the bot posts there is recorded, as Slack shows it to the one person.</summary>
public sealed partial class FakeSlackApi
{
    /// <summary>How a POST to a response_url shows in <see cref="Calls"/> (and the name to queue faults under).</summary>
    public const string ResponseUrlCall = "response_url";

    /// <summary>A response_url for a payload a test sends; posts to it are recorded as <see cref="ResponseUrlCall"/> with <c>token</c> added.</summary>
    public Uri ResponseUrl(string token) => new(BaseUrl, $"/respond/{token}");

    /// <summary>Like Slack's: a JSON message in, HTTP 200 <c>ok</c> out (or an injected HTTP error).</summary>
    private async Task RespondAsync(HttpContext http)
    {
        var (args, _) = await WebApiRequest.ReadArgsAsync(http.Request, ResponseUrlCall);
        args["token"] = (string)http.Request.RouteValues["token"]!;
        args["authorization"] = http.Request.Headers.Authorization.ToString();
        FakeSlackFault? fault;
        lock (gate)
        {
            fault = TakeFault(ResponseUrlCall);
            Record(new RecordedCall(ResponseUrlCall, args, time.GetUtcNow(), fault));
        }

        if (fault?.StatusCode is { } status)
        {
            await WriteStatusAsync(http.Response, status, fault.RetryAfter);
            return;
        }

        await http.Response.WriteAsync("ok");
    }

    /// <summary>The texts posted to response_urls so far, by their token.</summary>
    public IReadOnlyList<(string Token, JsonObject Body)> Responses() =>
        [.. Calls(ResponseUrlCall).Select(c => ((string)c.Args["token"]!, c.Args))];
}
