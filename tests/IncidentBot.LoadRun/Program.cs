using IncidentBot.LoadRun;

// `--bare` is this program started by itself as the ceiling server; otherwise it is the load run.
if (args.Contains("--bare"))
{
    var url = args[Array.IndexOf(args, "--urls") + 1];
    await BareServer.RunAsync(url, Environment.GetEnvironmentVariable(Run.SecretVariable) ?? throw new InvalidOperationException($"{Run.SecretVariable} is not set."));
    return 0;
}

var settings = RunSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/IncidentBot.LoadRun [-- [--quick] [--only ack|warroom|burst|growth|engines|year] [--postgres CONNECTION-STRING] [--year DAYSxINCIDENTSxMESSAGES]]");
    return 2;
}

await using var run = await Run.StartAsync(settings);
var report = await run.ExecuteAsync();
Console.WriteLine();
Console.WriteLine(report);
return 0;
