namespace AgCc.Grains.Training;

/// <summary>The rules for a run's edited tags (<see cref="ITrainingRunGrain.SetTags"/>), shared by the grain and its editors.</summary>
public static class RunTags
{
    public const int MaxLength = 64;

    public const int MaxCount = 20;

    /// <summary>What is wrong with the tags (the first problem, naming the tag), or null when they are fine.</summary>
    public static string? Problem(IReadOnlyList<string?>? tags)
    {
        if (tags is null) return "tags: missing (an empty list clears them)";
        if (tags.Count > MaxCount) return $"tags: at most {MaxCount} tags (got {tags.Count})";
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (string.IsNullOrWhiteSpace(tag)) return $"tags[{i}]: a tag must not be empty";
            if (tag.Length > MaxLength) return $"tags[{i}]: tag '{tag[..20]}…' is {tag.Length} characters long; at most {MaxLength}";
            if (tag.Trim() != tag) return $"tags[{i}]: tag '{tag}' has leading or trailing spaces";
        }
        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the tag at fault.</summary>
    public static void Validate(IReadOnlyList<string?>? tags)
    {
        if (Problem(tags) is { } problem) throw new ArgumentException(problem, nameof(tags));
    }

    /// <summary>Tags as typed in a box: split on commas, trimmed, empty ones and repeats (ordinal) left out.</summary>
    public static string[] Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
}
