using System.Runtime.CompilerServices;
using System.Text.Json;
using AgCc.Core.Gestures;

namespace AgCc.Core.Tests.Gestures;

/// <summary>
/// tslearn 0.9.0's results in ../shared/data/softdtw beside the repository (the folder holding
/// AgCc.Orleans.sln), loaded once per test run.
/// </summary>
internal static class SoftDtwReference
{
    public static readonly string[] Gammas = ["g0.1", "g1.0"];

    private static readonly Lazy<string> FolderLazy = new(() => FindFolder());
    private static readonly Lazy<TimeSeriesSet> SmallLazy = new(() => TimeSeriesCsv.Read(Path.Combine(Folder, "small.csv")));
    private static readonly Dictionary<string, JsonDocument> Documents = [];

    public static string Folder => FolderLazy.Value;

    public static TimeSeriesSet Small => SmallLazy.Value;

    public static double GammaOf(string key) => double.Parse(key[1..], System.Globalization.CultureInfo.InvariantCulture);

    public static JsonElement Json(string name)
    {
        lock (Documents)
        {
            if (!Documents.TryGetValue(name, out var document))
                Documents[name] = document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, name)));
            return document.RootElement;
        }
    }

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    /// <summary>A len×d nested array as a series.</summary>
    public static TimeSeries Series(JsonElement frames)
    {
        var rows = frames.EnumerateArray().Select(Doubles).ToArray();
        return new TimeSeries(rows.Length, rows[0].Length, [.. rows.SelectMany(r => r)]);
    }

    public static double[] Flatten(JsonElement matrix) => [.. matrix.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(e => e.GetDouble()))];

    /// <summary>
    /// Walks up from the test binaries, then from this source file (builds with --artifacts-path put
    /// the binaries outside the repository), to the folder holding AgCc.Orleans.sln.
    /// </summary>
    private static string FindFolder([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "", Environment.CurrentDirectory })
        {
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "AgCc.Orleans.sln"))) continue;
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "softdtw"));
                if (Directory.Exists(folder)) return folder;
                throw new DirectoryNotFoundException($"soft-DTW reference data not found at {folder}");
            }
        }
        throw new DirectoryNotFoundException($"no AgCc.Orleans.sln above {AppContext.BaseDirectory} or {sourceFile}");
    }
}
