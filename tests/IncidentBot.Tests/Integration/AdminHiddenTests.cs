using System.Net;

namespace IncidentBot.Tests.Integration;

/// <summary>Without <c>Admin:Token</c> the admin endpoints do not exist, whatever token a request carries.</summary>
public sealed class AdminHiddenTests : BotTest
{
    [Theory]
    [InlineData("GET", "/admin/outbox")]
    [InlineData("POST", "/admin/outbox/1/retry")]
    public async Task Without_an_admin_token_configured_the_admin_endpoints_answer_404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "");

        using var response = await Bot.Unsigned.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
