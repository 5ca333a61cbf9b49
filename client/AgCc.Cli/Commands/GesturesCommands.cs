using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AgCc.Core.Formats;
using AgCc.Core.Gestures;

namespace AgCc.Cli.Commands;

/// <summary>
/// `agcc gestures`: soft-DTW, barycentres and soft-DTW k-means on time-series CSVs (offline, no
/// cluster), and gesture clusterings of ingested corpora on the cluster (<see cref="GestureClusteringCommands"/>).
/// </summary>
public static class GesturesCommands
{
    public static Command Create()
    {
        var command = new Command("gestures", "Soft-DTW k-means: offline on time-series CSVs (cluster, barycenter, softdtw) or on the cluster over ingested corpora (fit, status, show)")
        {
            Cluster(), Barycenter(), SoftDtwMatrix(),
        };
        foreach (var onCluster in GestureClusteringCommands.Create()) command.Subcommands.Add(onCluster);
        return command;
    }

    private static Option<FileInfo> InputOption()
    {
        var input = new Option<FileInfo>("--input") { Description = "Time-series CSV: series_id,frame,f0,...,f{d-1}, one row a frame", Required = true };
        input.AcceptExistingOnly();
        return input;
    }

    private static Option<FileInfo> OutputOption(string description) => new("--output") { Description = description, Required = true };

    private static Option<double> GammaOption(double? fallback)
    {
        var gamma = new Option<double>("--gamma") { Description = "Soft-DTW smoothing γ > 0", Required = fallback is null };
        if (fallback is { } value) gamma.DefaultValueFactory = _ => value;
        gamma.Validators.Add(r =>
        {
            var g = r.GetValueOrDefault<double>();
            if (!(g > 0) || double.IsInfinity(g)) r.AddError("--gamma must be a positive number");
        });
        return gamma;
    }

    private static Option<int> PositiveInt(string name, string description, int fallback)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError($"{name} must be at least 1");
        });
        return option;
    }

    private static Option<double> Tolerance(double fallback)
    {
        var option = new Option<double>("--tol") { Description = "Stopping tolerance", DefaultValueFactory = _ => fallback };
        option.Validators.Add(r =>
        {
            if (!(r.GetValueOrDefault<double>() >= 0)) r.AddError("--tol must be zero or positive");
        });
        return option;
    }

    private static Command Cluster()
    {
        var (input, output, gamma) = (InputOption(), OutputOption("JSON with inertia, iterations, labels and centers"), GammaOption(1.0));
        var k = PositiveInt("--k", "Number of clusters", 10);
        var maxIter = PositiveInt("--max-iter", "At most this many k-means iterations", 50);
        var maxIterBarycenter = PositiveInt("--max-iter-barycenter", "At most this many L-BFGS iterations per barycentre", 100);
        var tol = Tolerance(1e-6);
        var init = new Option<string>("--init") { Description = "Initial centres: k-means++ from --seed, or the first k series by series_id", DefaultValueFactory = _ => "kmeans++" };
        init.AcceptOnlyFromAmong("kmeans++", "first");
        var seed = new Option<int>("--seed") { Description = "Seed of the k-means++ draw", DefaultValueFactory = _ => 0 };

        var command = new Command("cluster", "Time-series k-means with soft-DTW (tslearn's TimeSeriesKMeans(metric=\"softdtw\"))")
        {
            input, k, gamma, maxIter, maxIterBarycenter, tol, init, seed, output,
        };
        command.SetHandler((parse, _) =>
        {
            var set = Read(parse.GetValue(input)!);
            var clusters = parse.GetValue(k);
            if (clusters > set.Count) throw new CliException($"--k {clusters} is more than the {set.Count} series in the input");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = TimeSeriesKMeans.Fit(set.Series, new TimeSeriesKMeansOptions
            {
                Clusters = clusters,
                Gamma = parse.GetValue(gamma),
                MaxIterations = parse.GetValue(maxIter),
                MaxIterationsBarycenter = parse.GetValue(maxIterBarycenter),
                Tolerance = parse.GetValue(tol),
                Init = parse.GetValue(init) == "first" ? KMeansInit.First : KMeansInit.KMeansPlusPlus,
                Seed = parse.GetValue(seed),
            });
            var document = new ClusterOutput(
                result.Inertia, result.Iterations, set.Ids, result.Labels,
                [.. result.Centers.Select(c => Enumerable.Range(0, c.Length).Select(t => c.Frame(t).ToArray()).ToArray())],
                result.EmptyClustersRefilled);
            WriteFile(parse.GetValue(output)!, JsonSerializer.Serialize(document, CliJson.Options));
            Console.WriteLine($"gestures cluster: {set.Count} series (d = {set.Dimensions}), k = {clusters}: inertia {result.Inertia:R} after {result.Iterations} iterations in {watch.Elapsed.TotalSeconds:F2} s");
            return Task.CompletedTask;
        });
        return command;
    }

    private static Command Barycenter()
    {
        var (input, output, gamma) = (InputOption(), OutputOption("Time-series CSV of the barycentre (one series)"), GammaOption(null));
        var maxIter = PositiveInt("--max-iter", "At most this many L-BFGS iterations", 100);
        var tol = Tolerance(1e-3);
        var command = new Command("barycenter", "Soft-DTW barycentre of all series (tslearn's softdtw_barycenter); prints Σ soft-DTW(B, x_i)")
        {
            input, gamma, maxIter, tol, output,
        };
        command.SetHandler((parse, _) =>
        {
            var set = Read(parse.GetValue(input)!);
            var result = SoftDtwBarycenter.Compute(set.Series, parse.GetValue(gamma), parse.GetValue(maxIter), parse.GetValue(tol));
            var file = parse.GetValue(output)!;
            Guard(file, () => TimeSeriesCsv.Write(file.FullName, ["0"], [result.Center]));
            Console.WriteLine($"objective {result.Objective.ToString("R", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"gestures barycenter: {set.Count} series, length {result.Center.Length}, {result.Iterations} iterations, {result.Evaluations} evaluations ({result.Stop})");
            return Task.CompletedTask;
        });
        return command;
    }

    private static Command SoftDtwMatrix()
    {
        var (input, output, gamma) = (InputOption(), OutputOption("Plain CSV (no header): one row per series of --input, one column per series of --against"), GammaOption(null));
        var against = new Option<FileInfo>("--against") { Description = "Second time-series CSV (default: --input against itself)" };
        against.AcceptExistingOnly();
        var command = new Command("softdtw", "Matrix of soft-DTW values between the series of two time-series CSVs")
        {
            input, against, gamma, output,
        };
        command.SetHandler((parse, _) =>
        {
            var xs = Read(parse.GetValue(input)!);
            var ys = parse.GetValue(against) is { } other ? Read(other) : xs;
            if (xs.Dimensions != ys.Dimensions) throw new CliException($"--input has d = {xs.Dimensions} but --against has d = {ys.Dimensions}");
            var matrix = SoftDtw.Matrix(xs.Series, ys.Series, parse.GetValue(gamma));
            var text = new StringBuilder();
            foreach (var row in matrix) text.AppendLine(string.Join(',', row.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            WriteFile(parse.GetValue(output)!, text.ToString());
            Console.WriteLine($"gestures softdtw: {xs.Count}×{ys.Count} values");
            return Task.CompletedTask;
        });
        return command;
    }

    private static TimeSeriesSet Read(FileInfo file)
    {
        try
        {
            return TimeSeriesCsv.Read(file.FullName);
        }
        catch (InputException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static void WriteFile(FileInfo file, string text) => Guard(file, () => File.WriteAllText(file.FullName, text));

    private static void Guard(FileInfo file, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {file.FullName}: {e.Message}");
        }
    }

    private sealed record ClusterOutput(
        double Inertia, int Iterations, IReadOnlyList<string> SeriesIds, IReadOnlyList<int> Labels, double[][][] Centers, int EmptyClustersRefilled);
}
