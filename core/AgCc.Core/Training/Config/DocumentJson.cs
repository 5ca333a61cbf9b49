using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using AgCc.Core.Corpora;
using AgCc.Core.Features;

namespace AgCc.Core.Training.Config;

/// <summary>A config document that cannot be used: every problem, each naming its field (and line, for JSON errors).</summary>
public sealed class ConfigException(string file, IReadOnlyList<string> problems)
    : Exception($"{file}: {string.Join("; ", problems)}")
{
    public string File { get; } = file;

    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// The JSON of the platform's documents (run and experiment configs, results tables): camelCase fields,
/// names for enums (`ag-cc`, `logmel`, `crema-d`), unknown fields refused, errors naming the field
/// and line. <see cref="RunConfigJson"/> and the experiment config read and write through it.
/// </summary>
public static partial class DocumentJson
{
    private static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);
    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);

    /// <summary>Reads a document of <typeparamref name="T"/> and lists its <paramref name="problems"/>; throws <see cref="ConfigException"/> naming <paramref name="file"/>.</summary>
    public static T Parse<T>(string json, string file, Func<T, IReadOnlyList<string>> problems)
        where T : class
    {
        T? document;
        try
        {
            document = JsonSerializer.Deserialize<T>(json, Indented);
        }
        catch (JsonException e)
        {
            throw new ConfigException(file, [Describe(e, typeof(T))]);
        }
        if (document is null) throw new ConfigException(file, ["expected a JSON object, got null"]);
        if (problems(document) is { Count: > 0 } found) throw new ConfigException(file, found);
        return document;
    }

    /// <summary>The text of <paramref name="path"/>; an unreadable file is a <see cref="ConfigException"/> naming it.</summary>
    public static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, [$"cannot read: {e.Message}"]);
        }
    }

    /// <summary>The document, indented, every field written (nulls left out).</summary>
    public static string Write<T>(T document) => JsonSerializer.Serialize(document, Indented);

    /// <summary>A hex SHA-256 of the compact document: equal documents hash equal.</summary>
    public static string Hash<T>(T document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document, Compact))));

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = indented,
        };
        ApplyConventions(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// What other JSON of the platform (the HTTP API) shares with the documents: computed
    /// properties (a spec's Key, a corpus's Location) left out, so everything written reads back,
    /// and the documents' names for methods, layouts, extractors and normalisations.
    /// </summary>
    public static void ApplyConventions(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WriteOnlyWhatReadsBack } };
        options.Converters.Add(new JsonStringEnumConverter<TrainingMethod>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<CorpusLayout>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<FeatureExtractorKind>(LowerCase.Instance, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<FeatureNormalization>(LowerCase.Instance, allowIntegerValues: false));
    }

    private static void WriteOnlyWhatReadsBack(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var parameters = type.CreateObject is null && type.Type.GetConstructors().FirstOrDefault() is { } constructor
            ? constructor.GetParameters().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        foreach (var property in type.Properties.ToList())
            if (property.Set is null && !parameters.Contains(property.Name)) type.Properties.Remove(property);
    }

    private static string Describe(JsonException e, Type root)
    {
        var field = e.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : null;
        var line = e.LineNumber is { } n ? $"line {n + 1}: " : "";
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return $"{line}{field}: unknown field";
        if (MissingRequired().Match(message) is { Success: true } missing)
            return $"{line}{(field is null ? "" : field + ".")}{missing.Groups[1].Value}: missing (required)";
        if (ConversionTarget().Match(message) is { Success: true } conversion)
            return $"{line}{field}: {Expected(TypeAt(root, field)?.FullName ?? conversion.Groups[1].Value)}";
        return field is null ? line + message : $"{line}{field}: {message}";
    }

    /// <summary>The declared type of the field a JSON path names (STJ names the enclosing record's type for constructor parameters).</summary>
    private static Type? TypeAt(Type root, string? field)
    {
        if (field is null) return null;
        var type = root;
        foreach (var part in field.Split('.'))
        {
            var name = part.Split('[')[0];
            var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null) return null;
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (part.Contains('[') && type.IsGenericType) type = type.GetGenericArguments()[0];
        }
        return type;
    }

    private static string Expected(string type) => type switch
    {
        _ when type.EndsWith(nameof(TrainingMethod), StringComparison.Ordinal) => $"expected one of {string.Join(", ", TrainingMethods.All)}",
        _ when type.EndsWith(nameof(CorpusLayout), StringComparison.Ordinal) => $"expected one of {string.Join(", ", CorpusLayouts.All)}",
        _ when type.EndsWith(nameof(FeatureExtractorKind), StringComparison.Ordinal) => "expected logmel or wav2vec2",
        _ when type.EndsWith(nameof(FeatureNormalization), StringComparison.Ordinal) => "expected none, utterance or corpus",
        "System.Int32" or "System.Int64" => "expected a whole number",
        "System.Double" => "expected a number",
        "System.Boolean" => "expected true or false",
        "System.String" => "expected a string",
        _ when type.Contains("IReadOnlyList", StringComparison.Ordinal) => "expected a list",
        _ => $"expected a value of type {type}",
    };

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("could not be converted to ([^ ]+?)\\.?$")]
    private static partial Regex ConversionTarget();

    private sealed class LowerCase : JsonNamingPolicy
    {
        public static LowerCase Instance { get; } = new();

        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
