using System.CommandLine;
using System.Globalization;
using AgCc.Client;
using AgCc.Grains.Gestures;

namespace AgCc.Cli.Commands;

/// <summary>`agcc gestures fit|status|show`: gesture clusterings on the cluster (GestureClustering grains).</summary>
public static class GestureClusteringCommands
{
    public static IEnumerable<Command> Create() => [Fit(), Status(), Show()];

    private static Argument<string> NameArgument() => new("name") { Description = "Clustering name (lower-case letters, digits, hyphens)" };

    private static Command Fit()
    {
        var defaults = new GestureClusteringSpec([]);
        var name = NameArgument();
        var corpora = new Option<string>("--corpora") { Description = "Ingested corpora whose gesture segments are clustered, comma-separated", Required = true };
        var k = new Option<int>("--k") { Description = "Number of clusters", DefaultValueFactory = _ => defaults.Clusters };
        var gamma = new Option<double>("--gamma") { Description = "Soft-DTW smoothing γ > 0", DefaultValueFactory = _ => defaults.Gamma };
        var maxIter = new Option<int>("--max-iter") { Description = "At most this many k-means iterations", DefaultValueFactory = _ => defaults.MaxIterations };
        var maxIterBarycenter = new Option<int>("--max-iter-barycenter") { Description = "At most this many L-BFGS iterations per barycentre", DefaultValueFactory = _ => defaults.MaxIterationsBarycenter };
        var tol = new Option<double>("--tol") { Description = "Stop when |Δinertia| is below this", DefaultValueFactory = _ => defaults.Tolerance };
        var init = new Option<string>("--init") { Description = "Initial centres: k-means++ from --seed, or the first k segments", DefaultValueFactory = _ => "kmeans++" };
        init.AcceptOnlyFromAmong("kmeans++", "first");
        var seed = new Option<int>("--seed") { Description = "Seed of the k-means++ draw and of the subsample", DefaultValueFactory = _ => defaults.Seed };
        var subsample = new Option<int>("--subsample") { Description = "Fit on this many segments drawn with the seed, then assign all (0: fit on all)", DefaultValueFactory = _ => 0 };
        var tau = new Option<double>("--tau") { Description = "Temperature τ of the soft memberships softmax(−sdtw/τ)", DefaultValueFactory = _ => defaults.Temperature };
        var partitions = new Option<int>("--partitions") { Description = "Partition grains the work fans out to", DefaultValueFactory = _ => defaults.Partitions };
        var noWait = new Option<bool>("--no-wait") { Description = "Start the fit and return; follow it with `agcc gestures status NAME`" };
        var command = new Command("fit", "Fit a gesture clustering on the cluster over ingested corpora and follow its iterations")
        {
            name, corpora, k, gamma, maxIter, maxIterBarycenter, tol, init, seed, subsample, tau, partitions, noWait,
        };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            var spec = new GestureClusteringSpec([.. parse.GetValue(corpora)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)])
            {
                Clusters = parse.GetValue(k),
                Gamma = parse.GetValue(gamma),
                MaxIterations = parse.GetValue(maxIter),
                MaxIterationsBarycenter = parse.GetValue(maxIterBarycenter),
                Tolerance = parse.GetValue(tol),
                Init = parse.GetValue(init) == "first" ? GestureInit.First : GestureInit.KMeansPlusPlus,
                Seed = parse.GetValue(seed),
                FitSubsample = parse.GetValue(subsample),
                Temperature = parse.GetValue(tau),
                Partitions = parse.GetValue(partitions),
            };
            // The grain checks the spec too; checking here names the options before connecting.
            if (spec.Problems() is { Count: > 0 } problems) throw new CliException(string.Join("\n", problems.Select(OptionNamed)));
            var clustering = parse.GetValue(name)!;
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            GestureClusteringStatus done;
            try
            {
                if (parse.GetValue(noWait))
                {
                    done = await client.StartGestureClusteringAsync(clustering, spec);
                    Console.WriteLine($"gestures fit {clustering}: {done.Stage.ToString().ToLowerInvariant()} (generation {done.Generation})");
                    return;
                }
                var reported = -1;
                var stage = GestureClusteringStage.NotStarted;
                done = await client.FitGesturesAsync(clustering, spec, new SynchronousProgress<GestureClusteringStatus>(s =>
                {
                    if (s.Stage != stage && s.IsRunning) Console.WriteLine($"{s.Stage.ToString().ToLowerInvariant()}…");
                    stage = s.Stage;
                    for (var i = reported + 1; i < s.InertiaTrace.Count; i++)
                        Console.WriteLine($"  iteration {i + 1,3}/{spec.MaxIterations}: inertia {s.InertiaTrace[i].ToString("G8", CultureInfo.InvariantCulture)}, moved {s.MovedTrace[i]}");
                    reported = s.InertiaTrace.Count - 1;
                }), cancellationToken: cancellationToken);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }
            if (done.Stage == GestureClusteringStage.Failed) throw new CliException($"gesture clustering {clustering} failed: {done.Failure}");
            Console.WriteLine($"gestures fit {clustering}: {done.Segments} segments ({done.FitSegments} fitted), {done.Iteration} iterations, " +
                $"inertia {done.InertiaTrace[^1].ToString("G8", CultureInfo.InvariantCulture)}, {(done.FinishedAt - done.StartedAt)?.TotalSeconds:F1} s");
            await PrintClustersAsync(client, clustering);
        });
        return command;
    }

    /// <summary>A spec problem ("clusters: …") named by the option that sets the field ("--k: …").</summary>
    private static string OptionNamed(string problem)
    {
        var colon = problem.IndexOf(':');
        var field = colon < 0 ? "" : problem[..colon];
        var option = field switch
        {
            "clusters" => "--k",
            "maxIterations" => "--max-iter",
            "maxIterationsBarycenter" => "--max-iter-barycenter",
            "tolerance" => "--tol",
            "fitSubsample" => "--subsample",
            "temperature" => "--tau",
            "" => null,
            _ => "--" + field,
        };
        return option is null ? problem : option + problem[colon..];
    }

    private static Command Status()
    {
        var name = new Argument<string?>("name") { Description = "One clustering (default: list them all)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Gesture clusterings on the cluster and their progress") { name };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            IReadOnlyList<GestureClusteringStatus> all = parse.GetValue(name) is { } one
                ? [await client.GetGestureClusteringStatusAsync(one)]
                : await client.ListGestureClusteringsAsync();
            Console.WriteLine(TextTable.Format(
                ["name", "stage", "corpora", "k", "iteration", "inertia", "segments", "resumes", "failure"],
                all.Select(s => (IReadOnlyList<string>)
                [
                    s.Name, s.Stage.ToString().ToLowerInvariant(), string.Join(",", s.Spec?.Corpora ?? []), $"{s.Spec?.Clusters}",
                    $"{s.Iteration}/{s.Spec?.MaxIterations}", s.InertiaTrace.Count > 0 ? s.InertiaTrace[^1].ToString("G6", CultureInfo.InvariantCulture) : "",
                    $"{s.Segments}", $"{s.Resumes}", s.Failure ?? "",
                ])));
        });
        return command;
    }

    private static Command Show()
    {
        var name = NameArgument();
        var command = new Command("show", "A completed clustering's clusters: sizes per corpus, common clusters, Jensen–Shannon divergence of emotions, top phones") { name };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var clustering = parse.GetValue(name)!;
            var status = await client.GetGestureClusteringStatusAsync(clustering);
            if (status.Stage != GestureClusteringStage.Completed)
                throw new CliException($"gesture clustering {clustering} is {status.Stage.ToString().ToLowerInvariant()}{(status.Failure is { } f ? ": " + f : "")}");
            Console.WriteLine($"{clustering}: inertia {status.InertiaTrace[^1].ToString("G8", CultureInfo.InvariantCulture)} after {status.Iteration} iterations; " +
                $"blobs {status.Artifacts!.Centers}, {status.Artifacts.Assignments}, {status.Artifacts.Segments}");
            await PrintClustersAsync(client, clustering);
        });
        return command;
    }

    private static async Task PrintClustersAsync(AgCcClient client, string clustering)
    {
        var result = await client.GetGestureClusteringResultAsync(clustering)
            ?? throw new CliException($"gesture clustering {clustering} has no result");
        Console.WriteLine(TextTable.Format(
            ["cluster", "size", .. result.Corpora, "common", "JS(emotions)", "top phones"],
            result.Clusters.Select(c => (IReadOnlyList<string>)
            [
                $"{c.Cluster}", $"{c.Size}", .. result.Corpora.Select(n => $"{c.ByCorpus[n]}"), c.Common ? "yes" : "no",
                c.JensenShannon is { } js ? js.ToString("F3", CultureInfo.InvariantCulture) : "",
                string.Join(" ", c.ByPhone.Take(4).Select(p => $"{p.Key}:{p.Value}")),
            ])));
    }
}
