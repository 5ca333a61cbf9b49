using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Labels;
using AgCc.Core.Features;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Experiments;

/// <summary>
/// An experiment grid as a document (docs/experiments.md): methods × directions × tasks × seeds
/// over a pair of corpora, every run sharing the same settings. The settings read as a run
/// config's (<see cref="RunConfig"/>), so a grid is "a run config with lists".
/// </summary>
public sealed record ExperimentConfig
{
    /// <summary>The experiment's name (its grain key): lower-case letters and digits joined by hyphens.</summary>
    public required string Name { get; init; }

    /// <summary>The two corpora; each run reads them by these references.</summary>
    public required IReadOnlyList<CorpusReference> Corpora { get; init; }

    /// <summary>Source → target pairs by corpus name; left out, both directions.</summary>
    public IReadOnlyList<ExperimentDirection>? Directions { get; init; }

    public IReadOnlyList<TrainingMethod> Methods { get; init; } = [TrainingMethod.Baseline, TrainingMethod.PaCc, TrainingMethod.LaCc, TrainingMethod.AgCc];

    public IReadOnlyList<string> Tasks { get; init; } = ["4class", "arousal", "valence"];

    /// <summary>METHOD.md: 5 seeds by default; cells are mean ± std over them and paired tests pair runs by seed.</summary>
    public IReadOnlyList<long> Seeds { get; init; } = [0, 1, 2, 3, 4];

    public FeatureSpec Features { get; init; } = FeatureSpec.LogMel;

    public GestureConfig Gestures { get; init; } = new();

    public ModelConfig Model { get; init; } = new();

    public AnchorConfig Anchor { get; init; } = new();

    public OptimizationConfig Training { get; init; } = new();

    /// <summary>Tags every run carries, besides `experiment:NAME`.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The tag that marks a run as this experiment's (and keeps its run ids apart from equal runs of other experiments).</summary>
    public string ExperimentTag => $"experiment:{Name}";

    /// <summary>The directions the grid runs: as given, or both orders of the two corpora.</summary>
    public IReadOnlyList<ExperimentDirection> DirectionsOrBoth() =>
        Directions ?? (Corpora is [var a, var b] ? [new(a.Name, b.Name), new(b.Name, a.Name)] : []);

    /// <summary>Every problem, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Problems(LabelMaps? labels = null)
    {
        var problems = new List<string>();
        if (CorpusName.Problem(Name, "experiment") is { } name) problems.Add($"name: {name}");
        if (Corpora is not { Count: 2 })
        {
            problems.Add($"corpora: expected two corpora (got {Corpora?.Count ?? 0})");
            return problems;
        }
        for (var i = 0; i < Corpora.Count; i++) problems.AddRange(Corpora[i]?.Problems($"corpora[{i}]") ?? [$"corpora[{i}]: null"]);
        if (Corpora[0]?.Name is { } first && first == Corpora[1]?.Name) problems.Add($"corpora[1].name: the two corpora must differ (both are '{first}')");
        var names = Corpora.Select(c => c?.Name).ToHashSet();
        if (Directions is not null)
        {
            if (Directions.Count == 0) problems.Add("directions: empty (leave it out for both directions)");
            for (var i = 0; i < Directions.Count; i++)
            {
                var d = Directions[i];
                if (d is null) { problems.Add($"directions[{i}]: null"); continue; }
                if (!names.Contains(d.Source)) problems.Add($"directions[{i}].source: '{d.Source}' is not one of the corpora");
                if (!names.Contains(d.Target)) problems.Add($"directions[{i}].target: '{d.Target}' is not one of the corpora");
                if (d.Source == d.Target) problems.Add($"directions[{i}]: source and target are both '{d.Source}'");
            }
            Distinct(problems, "directions", Directions.Select(d => d?.ToString()));
        }
        if (Methods is not { Count: > 0 }) problems.Add("methods: empty");
        else Distinct(problems, "methods", Methods.Select(m => m.ToString()));
        var maps = labels ?? LabelMaps.BuiltIn;
        if (Tasks is not { Count: > 0 }) problems.Add("tasks: empty");
        else
        {
            for (var i = 0; i < Tasks.Count; i++)
                if (!maps.Tasks.Contains(Tasks[i])) problems.Add($"tasks[{i}]: '{Tasks[i]}' is not one of {string.Join(", ", maps.Tasks)}");
            Distinct(problems, "tasks", Tasks);
        }
        if (Seeds is not { Count: > 0 }) problems.Add("seeds: empty");
        else
        {
            for (var i = 0; i < Seeds.Count; i++) if (Seeds[i] < 0) problems.Add($"seeds[{i}]: must be ≥ 0 (got {Seeds[i]})");
            Distinct(problems, "seeds", Seeds.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (problems.Count > 0) return problems;

        // The shared settings, checked once through a run of the grid (their fields read the same here);
        // the run ids, which grow with the corpus, method and task names and the seed, each.
        var runs = Runs(labels);
        problems.AddRange((runs[0].Config with { Id = null }).Problems(labels)
            .Where(p => !p.StartsWith("source", StringComparison.Ordinal) && !p.StartsWith("target", StringComparison.Ordinal)));
        if (runs.MaxBy(r => r.RunId.Length) is { } longest && longest.RunId.Length > RunConfig.MaxIdLength)
            problems.Add($"corpora: the corpus names make run ids longer than {RunConfig.MaxIdLength} characters ('{longest.RunId}' has {longest.RunId.Length}); use shorter corpus names");
        return problems;
    }

    /// <summary>
    /// The grid's runs, seed by seed (so every cell has a first result before any has a second),
    /// then task, direction and method. A run's id is its config's (<see cref="RunConfig.RunId"/>):
    /// the same experiment launched again names the same runs.
    /// </summary>
    public IReadOnlyList<ExperimentRunPlan> Runs(LabelMaps? labels = null)
    {
        var byName = Corpora.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var runs = new List<ExperimentRunPlan>();
        foreach (var seed in Seeds)
            foreach (var task in Tasks)
                foreach (var direction in DirectionsOrBoth())
                    foreach (var method in Methods)
                    {
                        var config = new RunConfig
                        {
                            Method = method,
                            Task = task,
                            Source = byName[direction.Source],
                            Target = byName[direction.Target],
                            Seed = seed,
                            Features = Features,
                            Gestures = Gestures,
                            Model = Model,
                            Anchor = Anchor,
                            Training = Training,
                            Tags = [.. Tags, ExperimentTag],
                        };
                        runs.Add(new ExperimentRunPlan(new ExperimentCell(task, direction.Source, direction.Target, method), seed, config with { Id = config.RunId() }));
                    }
        return runs;
    }

    private static void Distinct(List<string> problems, string field, IEnumerable<string?> values)
    {
        foreach (var repeated in values.GroupBy(v => v).Where(g => g.Count() > 1))
            problems.Add($"{field}: '{repeated.Key}' is listed {repeated.Count()} times");
    }
}

/// <summary>A direction of the grid: train on <paramref name="Source"/>, evaluate on <paramref name="Target"/> (corpus names).</summary>
public sealed record ExperimentDirection(string Source, string Target)
{
    public override string ToString() => $"{Source} → {Target}";
}

/// <summary>One run of the grid: its cell, its seed and its complete run config (with its id).</summary>
public sealed record ExperimentRunPlan(ExperimentCell Cell, long Seed, RunConfig Config)
{
    public string RunId => Config.Id!;
}
