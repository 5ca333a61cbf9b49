using System.Text.Json;
using System.Text.Json.Serialization;
using AgCc.Core.Training.Config;

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
        // Computed properties (IsActive, a corpus reference's Location) left out, so every answer
        // reads back into its record and a corpus reference can go straight into a run config; the
        // config documents' enum names, ahead of the general rule for the other enums.
        DocumentJson.ApplyConventions(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }
}
