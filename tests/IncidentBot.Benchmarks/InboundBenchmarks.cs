using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IncidentBot.Commands;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Benchmarks;

/// <summary>
/// What every slash command pays before a handler runs: the signature check on the raw body, then the form parsed
/// to a <see cref="SlashCommand"/> and split into verb and arguments as the router does.
/// </summary>
[MemoryDiagnoser]
public class InboundBenchmarks
{
    private SlackSignatureVerifier verifier = null!;
    private string timestamp = "";
    private string signature = "";
    private byte[] body = [];
    private Instant now;

    [GlobalSetup]
    public void Setup()
    {
        // Slack's documented signing example, with its command turned into a typical /incident declare (about 400 bytes).
        using var vector = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "signature-vector.json")));
        var secret = vector.RootElement.GetProperty("signing_secret").GetString()!;
        timestamp = vector.RootElement.GetProperty("timestamp").GetString()!;
        var form = vector.RootElement.GetProperty("body").GetString()!
            .Replace("command=%2Fwebhook-collect&text=", "command=%2Fincident&text=declare+sev1+Checkout+returns+500s+for+EU+customers", StringComparison.Ordinal);
        body = Encoding.UTF8.GetBytes(form);
        signature = Encoding.ASCII.GetString(SlackSignatureVerifier.Compute(secret, timestamp, body));
        now = Instant.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)) + Duration.FromSeconds(2);
        verifier = new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = secret }), new FakeClock(now));

        if (Verify() != SignatureCheck.Valid || ParseCommand() is not { Verb: "declare" })
        {
            throw new InvalidOperationException("The sample request does not verify and parse as a declare command.");
        }
    }

    [Benchmark]
    public SignatureCheck Verify() => verifier.Verify(timestamp, signature, body);

    [Benchmark]
    public CommandContext? ParseCommand()
    {
        // As SlackEndpoints and CommandRouter do: the verified bytes as text, the form, then the first word.
        var command = SlashCommand.Parse(Encoding.UTF8.GetString(body));
        if (command is null)
        {
            return null;
        }

        var (verb, rest) = IncidentCommandParser.FirstWord(command.Text);
        return new CommandContext(command, verb.ToLowerInvariant(), rest, now);
    }
}
