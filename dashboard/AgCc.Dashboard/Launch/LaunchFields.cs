namespace AgCc.Dashboard.Launch;

/// <summary>The Launch form's fields, each the owner of the problems of some config paths (<see cref="LaunchFields.Owner"/>).</summary>
public enum LaunchField
{
    /// <summary>The run id / experiment name.</summary>
    Name,
    Source,
    Target,
    Directions,
    Task,
    Method,
    Seed,
    Extractor,
    Checkpoint,
    Layer,
    Normalization,
    Clusters,
    Gamma,
    Temperature,
    FitSubsample,
    MaxIterations,
    MaxIterationsBarycenter,
    ModelWidth,
    ModelLayers,
    ModelHeads,
    ModelFeedForward,
    Beta,
    Margin,
    Epochs,
    BatchSize,
    LearningRate,
    Patience,
}

/// <summary>
/// Which form field owns a problem of <c>RunConfig.Problems()</c> / <c>ExperimentConfig.Problems()</c>:
/// each problem starts with its field path (`training.epochs: …`, `corpora[1].name: …`,
/// `seeds[1]: …`); problems of fields the form does not show have no owner and go to the alert at
/// the top of the form.
/// </summary>
public static class LaunchFields
{
    private static readonly Dictionary<string, LaunchField> Paths = new(StringComparer.Ordinal)
    {
        ["id"] = LaunchField.Name,
        ["name"] = LaunchField.Name,
        ["source"] = LaunchField.Source,
        ["target"] = LaunchField.Target,
        ["corpora"] = LaunchField.Source,
        ["corpora[0]"] = LaunchField.Source,
        ["corpora[1]"] = LaunchField.Target,
        ["directions"] = LaunchField.Directions,
        ["task"] = LaunchField.Task,
        ["tasks"] = LaunchField.Task,
        ["method"] = LaunchField.Method,
        ["methods"] = LaunchField.Method,
        ["seed"] = LaunchField.Seed,
        ["seeds"] = LaunchField.Seed,
        ["features.extractor"] = LaunchField.Extractor,
        ["features.checkpoint"] = LaunchField.Checkpoint,
        ["features.layer"] = LaunchField.Layer,
        ["features.normalization"] = LaunchField.Normalization,
        ["gestures.clusters"] = LaunchField.Clusters,
        ["gestures.gamma"] = LaunchField.Gamma,
        ["gestures.temperature"] = LaunchField.Temperature,
        ["gestures.fitSubsample"] = LaunchField.FitSubsample,
        ["gestures.maxIterations"] = LaunchField.MaxIterations,
        ["gestures.maxIterationsBarycenter"] = LaunchField.MaxIterationsBarycenter,
        ["model.width"] = LaunchField.ModelWidth,
        ["model.layers"] = LaunchField.ModelLayers,
        ["model.heads"] = LaunchField.ModelHeads,
        ["model.feedForward"] = LaunchField.ModelFeedForward,
        ["anchor.beta"] = LaunchField.Beta,
        ["anchor.margin"] = LaunchField.Margin,
        ["training.epochs"] = LaunchField.Epochs,
        ["training.batchSize"] = LaunchField.BatchSize,
        ["training.learningRate"] = LaunchField.LearningRate,
        ["training.patience"] = LaunchField.Patience,
    };

    /// <summary>The field path a problem starts with (`training.epochs`, `seeds[1]`, `corpora[0].name`), or null when it names none.</summary>
    public static string? PathOf(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var path = problem[..colon];
        return path.Contains(' ', StringComparison.Ordinal) ? null : path;
    }

    /// <summary>
    /// The field that shows <paramref name="problem"/>, or null for the alert: the longest known
    /// prefix of its path, trying it with and without list indices (`seeds[1]` → seeds,
    /// `corpora[1].name` → the target, `features.layer` → the layer).
    /// </summary>
    public static LaunchField? Owner(string problem)
    {
        if (PathOf(problem) is not { } path) return null;
        foreach (var candidate in Prefixes(path))
        {
            if (Paths.TryGetValue(candidate, out var field)) return field;
        }
        return null;
    }

    /// <summary>The path's prefixes at '.' and '[' boundaries, longest first, each also without its indices.</summary>
    private static IEnumerable<string> Prefixes(string path)
    {
        for (var end = path.Length; end > 0; end = LastBoundary(path, end))
        {
            var prefix = path[..end];
            yield return prefix;
            var bare = StripIndices(prefix);
            if (bare != prefix) yield return bare;
        }
    }

    private static int LastBoundary(string path, int end)
    {
        for (var i = end - 1; i > 0; i--)
            if (path[i] is '.' or '[') return i;
        return 0;
    }

    private static string StripIndices(string path)
    {
        var text = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in path)
        {
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (depth == 0) text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>The problems grouped by owning field, and those no field owns (in their order).</summary>
    public static (IReadOnlyDictionary<LaunchField, IReadOnlyList<string>> ByField, IReadOnlyList<string> Unowned) Assign(IEnumerable<string> problems)
    {
        var byField = new Dictionary<LaunchField, List<string>>();
        var unowned = new List<string>();
        foreach (var problem in problems)
        {
            if (Owner(problem) is { } field)
            {
                if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
                list.Add(problem);
            }
            else unowned.Add(problem);
        }
        return (byField.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value), unowned);
    }
}
