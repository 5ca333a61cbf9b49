using System.Text.RegularExpressions;
using AgCc.Client.Api;

namespace AgCc.Dashboard.Api;

/// <summary>
/// The API's errors as RFC 7807 problem details (application/problem+json). A 400 carries every
/// problem twice: `errors` (field → messages, as ASP.NET's validation problems) and `problems`
/// (field, message, line), the field being a path into the request (`training.epochs`, `seeds[1]`,
/// `limit`) or `$` for the body as a whole.
/// </summary>
public static partial class ApiProblems
{
    public const string Body = "$";

    public static IResult Invalid(string title, IEnumerable<ApiFieldProblem> problems)
    {
        var list = problems.ToList();
        var errors = list.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(Describe).ToArray(), StringComparer.Ordinal);
        return Results.ValidationProblem(errors, detail: string.Join("; ", list.Select(p => $"{p.Field}: {Describe(p)}")), title: title,
            extensions: new Dictionary<string, object?> { ["problems"] = list });
    }

    public static IResult Invalid(string field, string message) => Invalid("The request is invalid", [new ApiFieldProblem(field, message)]);

    /// <summary>The problems of a config document (<c>ConfigException.Problems</c>: `line 3: training.epochs: expected a whole number`).</summary>
    public static IResult InvalidConfig(string what, IEnumerable<string> problems) =>
        Invalid($"The {what} has problems", problems.Select(Parse));

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult TooLarge(long limit) => Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large",
        $"the body must be at most {limit} bytes (setting {ApiOptions.Section}:{nameof(ApiOptions.MaxRequestBodyBytes)})");

    public static IResult Problem(int status, string title, string detail) => Results.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Splits `line N: field: message` (line and field optional) into its parts.</summary>
    public static ApiFieldProblem Parse(string problem)
    {
        int? line = null;
        var rest = problem;
        if (LinePrefix().Match(rest) is { Success: true } l)
        {
            line = int.Parse(l.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            rest = rest[l.Length..];
        }
        if (FieldPrefix().Match(rest) is { Success: true } f)
            return new ApiFieldProblem(f.Groups[1].Value, rest[f.Length..], line);
        return new ApiFieldProblem(Body, rest, line);
    }

    private static string Describe(ApiFieldProblem p) => p.Line is { } line ? $"line {line}: {p.Message}" : p.Message;

    [GeneratedRegex(@"^line (\d+): ")]
    private static partial Regex LinePrefix();

    // A JSON path of camelCase names and indices, then ": ".
    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*)*): ")]
    private static partial Regex FieldPrefix();
}
