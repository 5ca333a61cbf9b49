using System.Text.Json;
using AgCc.Core.Formats;
using AgCc.Core.Training.Config;
using TorchSharp;

namespace AgCc.Core.Tests.Training.Model;

/// <summary>One case of Fixtures/SerModel/cases.json: PyTorch's model, its padded batch and its outputs (README.md there).</summary>
internal sealed record SerModelCase(string Name, ModelConfig Config, int Dimensions, int Planes, int Classes, int[] Lengths)
{
    public string StatePath => Path.Combine(SerModelFixtures.Folder, Name + ".state.pt");

    public NpyArray Array(string key) => Npy.Read(File.ReadAllBytes(Path.Combine(SerModelFixtures.Folder, $"{Name}.{key}.npy")), $"{Name}.{key}");

    /// <summary>[B, T] bool, true from each item's length on.</summary>
    public torch.Tensor Padding() => SerModelFixtures.Padding(Lengths);

    public override string ToString() => Name;
}

/// <summary>The SER model fixtures and small helpers the model tests share.</summary>
internal static class SerModelFixtures
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "SerModel");

    public static IReadOnlyDictionary<string, SerModelCase> Cases { get; } = Read();

    /// <summary>A float32 tensor of <paramref name="array"/>'s values and shape.</summary>
    public static torch.Tensor Tensor(NpyArray array) =>
        torch.tensor(array.Values, [.. array.Shape.Select(d => (long)d)]).to_type(torch.ScalarType.Float32);

    public static torch.Tensor Padding(IReadOnlyList<int> lengths)
    {
        var frames = lengths.Max();
        var padding = new bool[lengths.Count * frames];
        for (var b = 0; b < lengths.Count; b++)
            for (var t = lengths[b]; t < frames; t++) padding[b * frames + t] = true;
        return torch.tensor(padding, [lengths.Count, frames]);
    }

    /// <summary>Largest |actual − expected| over max(1, largest |expected|).</summary>
    public static double Error(torch.Tensor actual, torch.Tensor expected)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var scope = torch.NewDisposeScope();
        var scale = Math.Max(1, expected.abs().max().item<float>());
        return (actual.detach() - expected).abs().max().item<float>() / scale;
    }

    public static double Error(torch.Tensor actual, NpyArray expected)
    {
        using var scope = torch.NewDisposeScope();
        return Error(actual, Tensor(expected));
    }

    private static Dictionary<string, SerModelCase> Read()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "cases.json")));
        return json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new SerModelCase(
            c.GetProperty("name").GetString()!,
            new ModelConfig(
                Width: c.GetProperty("width").GetInt32(),
                Layers: c.GetProperty("layers").GetInt32(),
                Heads: c.GetProperty("heads").GetInt32(),
                FeedForward: c.GetProperty("feed_forward").GetInt32(),
                Dropout: c.GetProperty("dropout").GetDouble(),
                Hidden: [.. c.GetProperty("hidden").EnumerateArray().Select(v => v.GetInt32())],
                PositionalEncoding: c.GetProperty("positional_encoding").GetBoolean()),
            c.GetProperty("dims").GetInt32(),
            c.GetProperty("planes").GetInt32(),
            c.GetProperty("classes").GetInt32(),
            [.. c.GetProperty("lengths").EnumerateArray().Select(v => v.GetInt32())])).ToDictionary(c => c.Name);
    }
}
