namespace IncidentBot.Tests.Integration;

/// <summary>
/// Tests that hold the bot to Slack's 3-second deadline under a burst run alone, not beside other test classes,
/// so what they measure is the bot and not the test run's other work.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
