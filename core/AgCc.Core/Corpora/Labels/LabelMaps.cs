using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgCc.Core.Corpora.Labels;

/// <summary>
/// Emotion codes per corpus and the class maps of the tasks (`4class`, `arousal`, `valence`), as
/// data: the built-in label-maps.json, or a researcher's own file of the same shape.
/// </summary>
public sealed class LabelMaps
{
    private readonly Dictionary<string, Dictionary<string, Emotion>> codes;
    private readonly Dictionary<string, TaskDefinition> tasks;

    private LabelMaps(Dictionary<string, Dictionary<string, Emotion>> codes, Dictionary<string, TaskDefinition> tasks)
    {
        this.codes = codes;
        this.tasks = tasks;
    }

    // Before BuiltIn: static initialisers run in textual order.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The maps shipped with the platform (METHOD.md's defaults).</summary>
    public static LabelMaps BuiltIn { get; } = LoadBuiltIn();

    public IReadOnlyCollection<string> Tasks => tasks.Keys;

    /// <summary>Reads a label-map file; errors name the file and the entry at fault.</summary>
    public static LabelMaps Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <summary>The emotion a corpus's code stands for, or null when the code is unknown.</summary>
    public Emotion? Decode(string codeSet, string code) =>
        codes.TryGetValue(codeSet, out var set) && set.TryGetValue(code, out var emotion) ? emotion : null;

    /// <summary>The codes of a code set, for error messages.</summary>
    public IReadOnlyCollection<string> CodesOf(string codeSet) =>
        codes.TryGetValue(codeSet, out var set) ? set.Keys : [];

    /// <summary>A task's classes and its emotion → class map for a corpus (its override, else the default).</summary>
    public TaskLabels Task(string task, string? corpus = null)
    {
        if (!tasks.TryGetValue(task, out var definition))
            throw new ArgumentException($"unknown task '{task}': expected one of {string.Join(", ", tasks.Keys)}", nameof(task));
        var map = corpus is not null && definition.Corpora.TryGetValue(corpus, out var own) ? own : definition.Default;
        return new TaskLabels(task, definition.Classes, map);
    }

    private static LabelMaps LoadBuiltIn()
    {
        using var stream = typeof(LabelMaps).Assembly.GetManifestResourceStream("AgCc.Core.Corpora.Labels.label-maps.json")
            ?? throw new InvalidOperationException("the built-in label-maps.json resource is missing");
        return Parse(stream, "label-maps.json (built in)");
    }

    private static LabelMaps Parse(Stream stream, string file)
    {
        LabelMapFile? document;
        try
        {
            document = JsonSerializer.Deserialize<LabelMapFile>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new Formats.InputException(file, e.LineNumber is { } line ? $"line {line + 1}" : null, e.Message, e);
        }
        if (document?.Tasks is null || document.Codes is null)
            throw new Formats.InputException(file, null, "expected an object with 'codes' and 'tasks'");

        var codes = document.Codes.ToDictionary(
            set => set.Key,
            set => set.Value.ToDictionary(c => c.Key, c => ParseEmotion(file, $"codes.{set.Key}.{c.Key}", c.Value), StringComparer.Ordinal),
            StringComparer.Ordinal);

        var tasks = new Dictionary<string, TaskDefinition>(StringComparer.Ordinal);
        foreach (var (name, task) in document.Tasks)
        {
            if (task.Classes is not { Count: >= 2 }) throw new Formats.InputException(file, $"tasks.{name}.classes", "expected at least two classes");
            tasks[name] = new TaskDefinition(
                task.Classes,
                MapOf(file, $"tasks.{name}.default", task.Classes, task.Default),
                (task.Corpora ?? []).ToDictionary(c => c.Key, c => MapOf(file, $"tasks.{name}.corpora.{c.Key}", task.Classes, c.Value)));
        }
        return new LabelMaps(codes, tasks);
    }

    private static Dictionary<Emotion, int> MapOf(string file, string field, List<string> classes, Dictionary<string, string>? map)
    {
        if (map is null || map.Count == 0) throw new Formats.InputException(file, field, "expected a map from emotions to classes");
        var result = new Dictionary<Emotion, int>();
        foreach (var (emotion, label) in map)
        {
            var index = classes.IndexOf(label);
            if (index < 0) throw new Formats.InputException(file, $"{field}.{emotion}", $"class '{label}' is not one of {string.Join(", ", classes)}");
            result[ParseEmotion(file, $"{field}.{emotion}", emotion)] = index;
        }
        return result;
    }

    private static Emotion ParseEmotion(string file, string field, string text) =>
        Enum.TryParse<Emotion>(text, ignoreCase: true, out var emotion) && Enum.IsDefined(emotion)
            ? emotion
            : throw new Formats.InputException(file, field, $"'{text}' is not an emotion: expected one of {string.Join(", ", Enum.GetNames<Emotion>())}");

    private sealed record TaskDefinition(List<string> Classes, Dictionary<Emotion, int> Default, Dictionary<string, Dictionary<Emotion, int>> Corpora);

    private sealed class LabelMapFile
    {
        public Dictionary<string, Dictionary<string, string>>? Codes { get; set; }
        public Dictionary<string, TaskFile>? Tasks { get; set; }
    }

    private sealed class TaskFile
    {
        public List<string>? Classes { get; set; }
        public Dictionary<string, string>? Default { get; set; }
        [JsonPropertyName("corpora")] public Dictionary<string, Dictionary<string, string>>? Corpora { get; set; }
    }
}

/// <summary>A task's classes and which emotion maps to which class (emotions absent are not used).</summary>
public sealed record TaskLabels(string Task, IReadOnlyList<string> Classes, IReadOnlyDictionary<Emotion, int> ClassOf)
{
    /// <summary>The class index of <paramref name="emotion"/>, or null when the task leaves it out.</summary>
    public int? Classify(Emotion emotion) => ClassOf.TryGetValue(emotion, out var index) ? index : null;
}
