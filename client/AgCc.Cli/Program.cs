using AgCc.Cli.Commands;
using System.CommandLine;

var root = new RootCommand("agcc: cross-corpus speech emotion recognition with articulatory-gesture anchoring, on Orleans.")
{
    StackCommands.Up(),
    StackCommands.Demo(),
    CorpusCommands.Create(),
    GesturesCommands.Create(),
    FeaturesCommands.Create(),
    SynthCommand.Create(),
    TrainCommand.Create(),
    RunCommands.Create(),
    ExperimentCommands.Create(),
    ClusterCommands.Create(),
    DashboardCommands.Create(),
};
root.Options.Add(ConnectionOptions.ConnectionString);
root.Options.Add(ConnectionOptions.ClusterId);

// Ctrl-C and SIGTERM cancel the running command's token; `up` then stops what it started,
// which takes longer than System.CommandLine's default grace of 2 s.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(90) });
