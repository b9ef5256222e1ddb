using System.Text;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Slack.Inbound;

public sealed class SlackSignatureVerifierTests
{
    private readonly string secret;
    private readonly string timestamp;
    private readonly byte[] body;
    private readonly string expected;
    private readonly FakeClock clock;

    public SlackSignatureVerifierTests()
    {
        using var vector = Fixture.Json("slack/signature-vector.json");
        var root = vector.RootElement;
        secret = root.GetProperty("signing_secret").GetString()!;
        timestamp = root.GetProperty("timestamp").GetString()!;
        body = Encoding.UTF8.GetBytes(root.GetProperty("body").GetString()!);
        expected = root.GetProperty("expected_signature").GetString()!;
        clock = new FakeClock(Instant.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)) + Duration.FromSeconds(30));
    }

    private SlackSignatureVerifier Verifier(string signingSecret) =>
        new(Options.Create(new SlackOptions { SigningSecret = signingSecret, BotToken = "xoxb-test" }), clock);

    [Fact]
    public void Slacks_documented_example_verifies()
    {
        Assert.Equal("8f742231b10e8888abcd99yyyzzz85a5", secret);
        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", expected);
        Assert.Equal(SignatureCheck.Valid, Verifier(secret).Verify(timestamp, expected, body));
    }

    [Fact]
    public void One_changed_byte_of_the_body_is_refused()
    {
        var tampered = (byte[])body.Clone();
        tampered[^1] ^= 0x01;
        Assert.Equal(SignatureCheck.Mismatch, Verifier(secret).Verify(timestamp, expected, tampered));
    }

    [Fact]
    public void A_wrong_secret_is_refused()
    {
        Assert.Equal(SignatureCheck.Mismatch, Verifier("8f742231b10e8888abcd99yyyzzz85a6").Verify(timestamp, expected, body));
    }

    [Fact]
    public void A_timestamp_six_minutes_old_is_refused_even_with_a_valid_signature()
    {
        clock.Reset(Instant.FromUnixTimeSeconds(1531420618) + Duration.FromMinutes(6));
        Assert.Equal(SignatureCheck.StaleTimestamp, Verifier(secret).Verify(timestamp, expected, body));
    }

    [Fact]
    public void A_timestamp_six_minutes_in_the_future_is_refused()
    {
        clock.Reset(Instant.FromUnixTimeSeconds(1531420618) - Duration.FromMinutes(6));
        Assert.Equal(SignatureCheck.StaleTimestamp, Verifier(secret).Verify(timestamp, expected, body));
    }

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("1531420618", null)]
    [InlineData("", "v0=abc")]
    [InlineData("not-a-number", "v0=abc")]
    public void A_missing_or_malformed_header_is_refused(string? ts, string? signature)
    {
        Assert.Equal(SignatureCheck.MissingHeaders, Verifier(secret).Verify(ts, signature, body));
    }

    [Fact]
    public void A_signature_for_another_timestamp_is_refused()
    {
        Assert.Equal(SignatureCheck.Mismatch, Verifier(secret).Verify("1531420619", expected, body));
    }

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("99999999999999999999")]
    [InlineData("0")]
    public void A_timestamp_beyond_the_calendar_is_stale_not_an_error(string ts)
    {
        var verdict = Verifier(secret).Verify(ts, expected, body);
        Assert.True(verdict is SignatureCheck.StaleTimestamp or SignatureCheck.MissingHeaders, verdict.ToString());
        Assert.Equal(verdict, Verifier(secret).CheckHeaders(ts, expected));
    }
}
