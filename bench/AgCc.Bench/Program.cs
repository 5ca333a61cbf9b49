using AgCc.Bench;

return args.FirstOrDefault() switch
{
    "ingestion" => await IngestionBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/AgCc.Bench -- ingestion [--preset demo|small] [--silos N]");
    return 2;
}
