using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Tests.Fakes;

/// <summary>The upload URLs files.getUploadURLExternal hands out, served by the fake itself.</summary>
public sealed partial class FakeSlackApi
{
    /// <summary>How a POST to an upload URL shows in <see cref="Calls"/> (and the name to queue faults under).</summary>
    public const string UploadCall = "upload";

    /// <summary>
    /// Like Slack's upload URL: no Web API envelope, raw bytes in, HTTP 200 with a short text when stored. The bytes
    /// must be as many as were reserved; anything else, or an unknown file id, is refused with an HTTP error.
    /// </summary>
    private async Task UploadAsync(HttpContext http)
    {
        var fileId = (string)http.Request.RouteValues["fileId"]!;
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var content = buffer.ToArray();
        FakeSlackFault? fault;
        var stored = false;
        lock (gate)
        {
            fault = TakeFault(UploadCall);
            Record(new RecordedCall(UploadCall, new JsonObject { ["file_id"] = fileId, ["length"] = content.Length, ["authorization"] = http.Request.Headers.Authorization.ToString() }, time.GetUtcNow(), fault));
            if (fault is null || fault.ApplyBeforeDelay)
            {
                stored = workspace.Receive(fileId, content);
            }
        }

        if (fault?.StatusCode is { } status)
        {
            await WriteStatusAsync(http.Response, status, fault.RetryAfter);
            return;
        }

        if (fault?.Delay is { } delay)
        {
            if (!await DelayAsync(http, delay))
            {
                return;
            }

            if (!fault.ApplyBeforeDelay)
            {
                lock (gate)
                {
                    stored = workspace.Receive(fileId, content);
                }
            }
        }

        http.Response.StatusCode = stored ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await http.Response.WriteAsync(stored ? string.Create(CultureInfo.InvariantCulture, $"OK - {content.Length}") : "upload failed");
    }
}
