using BenchmarkDotNet.Attributes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using NodaTime;

namespace IncidentBot.Benchmarks;

/// <summary>The declaration message, rendered as every change to an incident re-renders it for the pinned copy.</summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private IncidentMessages messages = null!;
    private Incident incident = null!;
    private Instant now;

    [GlobalSetup]
    public void Setup()
    {
        messages = Samples.Messages();
        incident = Samples.Incident(new IncidentId(7));
        now = Samples.Declared + Duration.FromMinutes(21);
    }

    [Benchmark]
    public RenderedMessage Declaration() => messages.Declaration(incident, now);
}
