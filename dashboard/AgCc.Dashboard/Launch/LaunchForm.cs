using System.Globalization;
using AgCc.Core.Corpora.Labels;
using AgCc.Core.Experiments;
using AgCc.Core.Features;
using AgCc.Core.Training.Config;

namespace AgCc.Dashboard.Launch;

/// <summary>What the Launch page starts: one training run, or an experiment grid.</summary>
public enum LaunchMode
{
    Run,
    Experiment,
}

/// <summary>An experiment grid's directions: both orders of the two corpora, or source → target only.</summary>
public enum LaunchDirections
{
    Both,
    One,
}

/// <summary>
/// The Launch page's form as plain state (docs/dashboard.md, "The Launch page"): the fields a user
/// edits, turned into a <see cref="RunConfig"/> or an <see cref="ExperimentConfig"/> by
/// <see cref="ToRunConfig"/> / <see cref="ToExperimentConfig"/>. Every default is read from the config
/// records' own defaults (METHOD.md), and the settings the form does not show (dropout, the head's widths, weight decay,
/// development split, …) keep theirs: the records are built with <c>with</c> over default instances.
/// </summary>
public sealed class LaunchForm
{
    /// <summary>The method a single run starts with (the paper's): not a setting of the records, which require one.</summary>
    public const TrainingMethod DefaultRunMethod = TrainingMethod.AgCc;

    public LaunchMode Mode { get; set; } = LaunchMode.Run;

    /// <summary>The run's id (optional: left empty, the config's own id) or the experiment's name (required).</summary>
    public string Name { get; set; } = "";

    /// <summary>The source corpus (a run), or the first of the two corpora (a grid).</summary>
    public string Source { get; set; } = "";

    /// <summary>The target corpus (a run), or the second of the two corpora (a grid).</summary>
    public string Target { get; set; } = "";

    public LaunchDirections Directions { get; set; } = LaunchDirections.Both;

    public string Task { get; set; }

    public IReadOnlyList<string> Tasks { get; set; }

    public TrainingMethod Method { get; set; } = DefaultRunMethod;

    public IReadOnlyList<TrainingMethod> Methods { get; set; }

    public long Seed { get; set; }

    /// <summary>A grid's seeds as typed: whole numbers separated by commas or spaces.</summary>
    public string SeedsText { get; set; }

    public FeatureExtractorKind Extractor { get; set; }

    /// <summary>The wav2vec 2.0 checkpoint (ignored for log-mel).</summary>
    public string Checkpoint { get; set; } = "";

    /// <summary>The wav2vec 2.0 hidden states: a layer (6), a range (3-8), `last` or `weighted`; empty for the last (ignored for log-mel).</summary>
    public string Layer { get; set; } = "";

    public FeatureNormalization Normalization { get; set; }

    public int Clusters { get; set; }

    public double Gamma { get; set; }

    public double Temperature { get; set; }

    public int FitSubsample { get; set; }

    /// <summary>Soft-DTW k-means iterations at most.</summary>
    public int MaxIterations { get; set; }

    /// <summary>Iterations at most of each soft-DTW barycentre (a centre's update).</summary>
    public int MaxIterationsBarycenter { get; set; }

    /// <summary>The encoder's width (d_model).</summary>
    public int ModelWidth { get; set; }

    public int ModelLayers { get; set; }

    public int ModelHeads { get; set; }

    public int ModelFeedForward { get; set; }

    public double Beta { get; set; }

    public double Margin { get; set; }

    public int Epochs { get; set; }

    public int BatchSize { get; set; }

    public double LearningRate { get; set; }

    public int Patience { get; set; }

    /// <summary>A run config with only its required fields: every other field is its record default.</summary>
    public static RunConfig DefaultRun { get; } = new()
    {
        Method = DefaultRunMethod,
        Task = new ExperimentConfig { Name = "", Corpora = [] }.Tasks[0],
        Source = new CorpusReference(""),
        Target = new CorpusReference(""),
    };

    /// <summary>An experiment config with only its required fields: methods, tasks, seeds and settings are the record's defaults.</summary>
    public static ExperimentConfig DefaultExperiment { get; } = new() { Name = "", Corpora = [] };

    /// <summary>A form holding every default; <paramref name="corpora"/> (the cluster's, by name) fill source and target.</summary>
    public LaunchForm(IReadOnlyList<string>? corpora = null)
    {
        var run = DefaultRun;
        var grid = DefaultExperiment;
        Task = run.Task;
        Tasks = [.. grid.Tasks];
        Methods = [.. grid.Methods];
        Seed = run.Seed;
        SeedsText = FormatSeeds(grid.Seeds);
        Extractor = run.Features.Extractor;
        Normalization = run.Features.Normalization;
        Clusters = run.Gestures.Clusters;
        Gamma = run.Gestures.Gamma;
        Temperature = run.Gestures.Temperature;
        FitSubsample = run.Gestures.FitSubsample;
        MaxIterations = run.Gestures.MaxIterations;
        MaxIterationsBarycenter = run.Gestures.MaxIterationsBarycenter;
        ModelWidth = run.Model.Width;
        ModelLayers = run.Model.Layers;
        ModelHeads = run.Model.Heads;
        ModelFeedForward = run.Model.FeedForward;
        Beta = run.Anchor.Beta;
        Margin = run.Anchor.Margin;
        Epochs = run.Training.Epochs;
        BatchSize = run.Training.BatchSize;
        LearningRate = run.Training.LearningRate;
        Patience = run.Training.Patience;
        if (corpora is { Count: > 0 })
        {
            Source = corpora[0];
            Target = corpora.Count > 1 ? corpora[1] : "";
        }
    }

    /// <summary>Seeds as the form shows them: `0, 1, 2`.</summary>
    public static string FormatSeeds(IEnumerable<long> seeds) => string.Join(", ", seeds.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The grid's seeds as typed, and a problem (naming `seeds`) for every entry that is not a whole number.</summary>
    public (IReadOnlyList<long> Seeds, IReadOnlyList<string> Problems) ParseSeeds()
    {
        var seeds = new List<long>();
        var problems = new List<string>();
        var parts = (SeedsText ?? "").Split([',', ' ', ';', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            if (long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)) seeds.Add(seed);
            else problems.Add($"seeds: '{part}' is not a whole number");
        }
        return (seeds, problems);
    }

    /// <summary>The features as the form sets them: checkpoint and layer only for wav2vec 2.0.</summary>
    public FeatureSpec Features() => Extractor == FeatureExtractorKind.Wav2Vec2
        ? new FeatureSpec(Extractor, Checkpoint.Trim(), string.IsNullOrWhiteSpace(Layer) ? null : Layer.Trim(), Normalization)
        : new FeatureSpec(Extractor, null, null, Normalization);

    private GestureConfig GestureSettings(GestureConfig defaults) =>
        defaults with
        {
            Clusters = Clusters, Gamma = Gamma, Temperature = Temperature, FitSubsample = FitSubsample,
            MaxIterations = MaxIterations, MaxIterationsBarycenter = MaxIterationsBarycenter,
        };

    // Dropout and the head's hidden widths keep the record's defaults.
    private ModelConfig ModelSettings(ModelConfig defaults) =>
        defaults with { Width = ModelWidth, Layers = ModelLayers, Heads = ModelHeads, FeedForward = ModelFeedForward };

    private AnchorConfig AnchorSettings(AnchorConfig defaults) => defaults with { Beta = Beta, Margin = Margin };

    private OptimizationConfig TrainingSettings(OptimizationConfig defaults) =>
        defaults with { Epochs = Epochs, BatchSize = BatchSize, LearningRate = LearningRate, Patience = Patience };

    /// <summary>The single run the form describes (its id left out when the id field is empty).</summary>
    public RunConfig ToRunConfig()
    {
        var defaults = DefaultRun;
        return defaults with
        {
            Id = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
            Method = Method,
            Task = Task,
            Source = new CorpusReference(Source),
            Target = new CorpusReference(Target),
            Seed = Seed,
            Features = Features(),
            Gestures = GestureSettings(defaults.Gestures),
            Model = ModelSettings(defaults.Model),
            Anchor = AnchorSettings(defaults.Anchor),
            Training = TrainingSettings(defaults.Training),
        };
    }

    /// <summary>The grid the form describes: the two corpora, the directions (left out for both), methods, tasks and seeds in the order chosen.</summary>
    public ExperimentConfig ToExperimentConfig()
    {
        var defaults = DefaultExperiment;
        return defaults with
        {
            Name = Name.Trim(),
            Corpora = [new CorpusReference(Source), new CorpusReference(Target)],
            Directions = Directions == LaunchDirections.Both ? null : [new ExperimentDirection(Source, Target)],
            Methods = [.. TrainingMethodOrder(Methods)],
            Tasks = [.. TaskOrder(Tasks)],
            Seeds = ParseSeeds().Seeds,
            Features = Features(),
            Gestures = GestureSettings(defaults.Gestures),
            Model = ModelSettings(defaults.Model),
            Anchor = AnchorSettings(defaults.Anchor),
            Training = TrainingSettings(defaults.Training),
        };
    }

    /// <summary>The methods in the paper's order (baseline, PA-CC, LA-CC, AG-CC), whatever order they were picked in.</summary>
    private static IEnumerable<TrainingMethod> TrainingMethodOrder(IEnumerable<TrainingMethod> methods) => methods.Distinct().Order();

    /// <summary>The tasks in the default grid's order (4class, arousal, valence), others after them as picked.</summary>
    private static IEnumerable<string> TaskOrder(IEnumerable<string> tasks)
    {
        var known = DefaultExperiment.Tasks.ToList();
        return tasks.Distinct().Select((t, i) => (t, i))
            .OrderBy(x => known.IndexOf(x.t) is var k and >= 0 ? k : known.Count + x.i).Select(x => x.t);
    }

    /// <summary>The document the form would launch, as its JSON (<see cref="RunConfigJson.Write"/> / <see cref="ExperimentConfigJson.Write"/>).</summary>
    public string Document() => Mode == LaunchMode.Run ? RunConfigJson.Write(ToRunConfig()) : ExperimentConfigJson.Write(ToExperimentConfig());

    private static readonly string[] SettingsFields = ["features", "gestures", "model", "anchor", "training", "tags"];

    /// <summary>
    /// Every problem of the document, each starting with its field path (the records' own
    /// <c>Problems()</c>). A grid's settings are checked at once too, not only once its corpora,
    /// methods, tasks and seeds are right (the record stops at the first of those).
    /// </summary>
    public IReadOnlyList<string> Problems(LabelMaps? labels = null)
    {
        if (Mode == LaunchMode.Run) return ToRunConfig().Problems(labels);
        var problems = new List<string>(ParseSeeds().Problems);
        try
        {
            problems.AddRange(ToExperimentConfig().Problems(labels));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
        {
            // The grid's run ids hash the runs' JSON, which cannot hold NaN or an unnamed enum value;
            // the settings' problems below name that field.
        }
        var settings = (ToRunConfig() with { Id = null }).Problems(labels)
            .Where(p => SettingsFields.Any(f => p.StartsWith(f + ".", StringComparison.Ordinal) || p.StartsWith(f + ":", StringComparison.Ordinal) || p.StartsWith(f + "[", StringComparison.Ordinal)));
        foreach (var problem in settings)
            if (!problems.Contains(problem)) problems.Add(problem);
        return problems;
    }
}
