using AgCc.Bench;

return args.FirstOrDefault() switch
{
    "ingestion" => await IngestionBench.RunAsync(args.Skip(1).ToArray()),
    "gestures" => await GesturesBench.RunAsync(args.Skip(1).ToArray()),
    "gesture-clustering" => await GestureClusteringBench.RunAsync(args.Skip(1).ToArray()),
    "features" => await FeaturesBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/AgCc.Bench -- ingestion [--preset demo|small] [--silos N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- gestures [--sizes 2000,10000] [--max-iter N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- gesture-clustering [--preset demo|small] [--max-iter N] [--partitions N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- features [--seconds 60] [--repeats 5]");
    return 2;
}
