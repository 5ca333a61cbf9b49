using AgCc.Bench;

return args.FirstOrDefault() switch
{
    "ingestion" => await IngestionBench.RunAsync(args.Skip(1).ToArray()),
    "gestures" => await GesturesBench.RunAsync(args.Skip(1).ToArray()),
    "gesture-clustering" => await GestureClusteringBench.RunAsync(args.Skip(1).ToArray()),
    "features" => await FeaturesBench.RunAsync(args.Skip(1).ToArray()),
    "feature-extraction" => await FeatureExtractionBench.RunAsync(args.Skip(1).ToArray()),
    "wav2vec2" => await Wav2Vec2Bench.RunAsync(args.Skip(1).ToArray()),
    "training-run" => await TrainingRunBench.RunAsync(args.Skip(1).ToArray()),
    "training-step" => await TrainingStepBench.RunAsync(args.Skip(1).ToArray()),
    "runs-page" => await RunsPageBench.RunAsync(args.Skip(1).ToArray()),
    "scale-out" => await ScaleOutBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/AgCc.Bench -- ingestion [--preset demo|small] [--silos N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- gestures [--sizes 2000,10000] [--max-iter N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- gesture-clustering [--preset demo|small] [--max-iter N] [--partitions N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- features [--seconds 60] [--repeats 5]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- wav2vec2 [--seconds 20] [--repeats 3] [--chunk-seconds 4] [--threads N] [--reference-blas DIR]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- feature-extraction [--preset demo|small] [--checkpoint PATH [--layer N]]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- training-step [--batch 64] [--frames 300] [--dims 80] [--threads 2] [--steps 5] [--width 256] [--layers 2] [--reference-blas DIR]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- training-run [--epochs 70] [--method ag-cc] [--grains]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- runs-page [--runs 200] [--loads 5]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/AgCc.Bench -- scale-out [--seeds 3] [--epochs 12]");
    return 2;
}
