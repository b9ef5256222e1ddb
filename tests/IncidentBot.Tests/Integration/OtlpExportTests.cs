using IncidentBot.Observability;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> switches the OTLP exporter on, as an operator sets it: in the
/// environment. The environment is the process's, so this runs alone and puts it back.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class OtlpExportTests : BotTest
{
    private static readonly string[] Variables = [ObservabilityExtensions.OtlpEndpoint, "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_BSP_SCHEDULE_DELAY"];

    [Fact]
    public async Task The_standard_variable_sends_the_declaration_trace_to_a_collector()
    {
        await using var collector = await FakeHttpReceiver.StartAsync();
        var before = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ObservabilityExtensions.OtlpEndpoint, collector.BaseUrl.ToString());
            Environment.SetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            Environment.SetEnvironmentVariable("OTEL_BSP_SCHEDULE_DELAY", "50");
            await using var bot = BotHost.Start(Slack);

            await bot.ReplyAsync("create Checkout returns 500s sev2");
            await bot.OutboxDrainedAsync();

            // The spans' names travel as plain UTF-8 inside the protobuf body.
            await Eventually.TrueAsync(
                () => string.Concat(collector.Requests.Where(r => r.Path == "/v1/traces").Select(r => r.Body)) is var sent
                    && sent.Contains("/incident create", StringComparison.Ordinal) && sent.Contains("outbox PinDeclaration", StringComparison.Ordinal),
                "the declaration's spans at the collector");
        }
        finally
        {
            foreach (var (name, value) in before)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
