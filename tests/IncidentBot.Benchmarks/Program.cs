using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using IncidentBot.Benchmarks;

// Reports go beside the binary (bin/ is ignored by git) unless --artifacts names another folder.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(InboundBenchmarks).Assembly).Run(args, config);
