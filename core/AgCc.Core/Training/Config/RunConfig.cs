using System.Text.RegularExpressions;
using AgCc.Core.Corpora.Labels;
using AgCc.Core.Features;

namespace AgCc.Core.Training.Config;

/// <summary>
/// One training run, as a document (docs/training.md): the method, the task, source → target,
/// the seed, and every setting METHOD.md fixes a default for. The same JSON is read by
/// `agcc train`, sent to the TrainingRun grain and built by the dashboard's form
/// (<see cref="RunConfigJson"/>).
/// </summary>
public sealed partial record RunConfig
{
    public const int MaxIdLength = 100;

    /// <summary>The run's id (a grain key); generated from the config when left out.</summary>
    public string? Id { get; init; }

    public required TrainingMethod Method { get; init; }

    /// <summary>A task of the label maps: `4class`, `arousal`, `valence`.</summary>
    public required string Task { get; init; }

    public required CorpusReference Source { get; init; }

    public required CorpusReference Target { get; init; }

    /// <summary>Seeds initialisation, the development split, batch sampling and dropout.</summary>
    public long Seed { get; init; }

    public FeatureSpec Features { get; init; } = FeatureSpec.LogMel;

    public GestureConfig Gestures { get; init; } = new();

    public ModelConfig Model { get; init; } = new();

    public AnchorConfig Anchor { get; init; } = new();

    public OptimizationConfig Training { get; init; } = new();

    public IReadOnlyList<string> Tags { get; init; } = [];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    /// <summary>Every problem, each naming its field (`training.epochs: must be at least 1 (got 0)`); empty when valid.</summary>
    public IReadOnlyList<string> Problems(LabelMaps? labels = null)
    {
        var problems = new List<string>();
        if (Id is not null && (Id.Length > MaxIdLength || !IdPattern().IsMatch(Id)))
            problems.Add($"id: '{Id}' must be letters, digits, '.', '_' or '-', starting with a letter or digit, at most {MaxIdLength} characters");
        if (!Enum.IsDefined(Method)) problems.Add($"method: expected one of {string.Join(", ", TrainingMethods.All)}");
        var maps = labels ?? LabelMaps.BuiltIn;
        if (string.IsNullOrWhiteSpace(Task) || !maps.Tasks.Contains(Task)) problems.Add($"task: '{Task}' is not one of {string.Join(", ", maps.Tasks)}");
        Add(problems, Source is null ? ["source: missing"] : Source.Problems("source"));
        Add(problems, Target is null ? ["target: missing"] : Target.Problems("target"));
        if (Source is not null && Target is not null && Source.Name == Target.Name) problems.Add("target.name: the target must be another corpus than the source");
        if (Seed < 0) problems.Add($"seed: must be ≥ 0 (got {Seed})");
        Add(problems, Features is null ? ["features: null"] : Features.Problems().Select(p => "features." + p));
        Add(problems, Gestures is null ? ["gestures: null"] : Gestures.Problems());
        Add(problems, Model is null ? ["model: null"] : Model.Problems());
        Add(problems, Anchor is null ? ["anchor: null"] : Anchor.Problems(Model?.Layers ?? 0));
        Add(problems, Training is null ? ["training: null"] : Training.Problems());
        if (Tags is null) problems.Add("tags: null");
        else for (var i = 0; i < Tags.Count; i++) if (string.IsNullOrWhiteSpace(Tags[i])) problems.Add($"tags[{i}]: empty");
        return problems;
    }

    private static void Add(List<string> problems, IEnumerable<string> more) => problems.AddRange(more);

    /// <summary>The id when given, else one derived from the document (the same config gets the same id).</summary>
    public string RunId() => Id ?? $"{Method.ToName()}-{Task}-{Source.Name}-to-{Target.Name}-s{Seed}-{RunConfigJson.Hash(this with { Id = null })[..8]}";
}
