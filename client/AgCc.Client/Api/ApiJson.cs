using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AgCc.Core.Features;

namespace AgCc.Client.Api;

/// <summary>
/// The HTTP API's JSON: camelCase fields, enums as kebab-case names (`queued`, `ag-cc`, `crema-d`;
/// feature kinds as the config documents write them, `logmel`), NaN and infinities as strings
/// (an epoch without a development score). The dashboard's API and any .NET HTTP client share it.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's settings to <paramref name="options"/> (the web host's own) and returns it.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        // Computed properties (IsActive, a corpus reference's Location) are left out: every answer
        // reads back into its record, and a corpus reference can go straight into a run config.
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WriteOnlyWhatReadsBack } };
        // The config documents' own names for these two (DocumentJson), ahead of the general rule.
        options.Converters.Add(new JsonStringEnumConverter<FeatureExtractorKind>(LowerCase.Instance, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<FeatureNormalization>(LowerCase.Instance, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }

    private static void WriteOnlyWhatReadsBack(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var parameters = type.Type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.Properties.ToList())
            if (property.Set is null && !parameters.Contains(property.Name)) type.Properties.Remove(property);
    }

    private sealed class LowerCase : JsonNamingPolicy
    {
        public static LowerCase Instance { get; } = new();

        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
