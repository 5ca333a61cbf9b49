using System.Text.Json;
using AgCc.Core.Formats;
using TorchSharp;

namespace AgCc.Core.Tests.Training;

/// <summary>One soft-triplet case of Fixtures/Losses/loss_fixtures.json (PyTorch's loop-based reference; see its README).</summary>
internal sealed record TripletCase(
    string Name, double Margin, bool[] IsTarget, long[] Cluster, double[] Weight, bool[] Common,
    double Loss, long ValidTriplets, long ActiveTriplets)
{
    public NpyArray Embeddings => LossFixtures.Array(Name + ".embeddings");

    public NpyArray Gradient => LossFixtures.Array(Name + ".grad");

    public override string ToString() => Name;
}

/// <summary>One Deep CORAL case: per layer source and target features and their gradients.</summary>
internal sealed record CoralCase(string Name, int Layers, double Loss)
{
    public NpyArray Source(int layer) => LossFixtures.Array($"{Name}.layer{layer}.source");

    public NpyArray Target(int layer) => LossFixtures.Array($"{Name}.layer{layer}.target");

    public NpyArray SourceGradient(int layer) => LossFixtures.Array($"{Name}.layer{layer}.grad_source");

    public NpyArray TargetGradient(int layer) => LossFixtures.Array($"{Name}.layer{layer}.grad_target");

    public override string ToString() => Name;
}

/// <summary>The loss fixtures (Fixtures/Losses, README.md there) and the error measure the loss tests use.</summary>
internal static class LossFixtures
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Losses");

    private static readonly Lazy<JsonDocument> Json = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "loss_fixtures.json"))));

    public static IReadOnlyDictionary<string, TripletCase> Triplets { get; } =
        Json.Value.RootElement.GetProperty("triplet").EnumerateArray().Select(c => new TripletCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("margin").GetDouble(),
            [.. c.GetProperty("is_target").EnumerateArray().Select(v => v.GetBoolean())],
            [.. c.GetProperty("cluster").EnumerateArray().Select(v => v.GetInt64())],
            [.. c.GetProperty("weight").EnumerateArray().Select(v => v.GetDouble())],
            [.. c.GetProperty("common").EnumerateArray().Select(v => v.GetBoolean())],
            c.GetProperty("loss").GetDouble(),
            c.GetProperty("valid_triplets").GetInt64(),
            c.GetProperty("active_triplets").GetInt64())).ToDictionary(c => c.Name);

    public static IReadOnlyDictionary<string, CoralCase> Corals { get; } =
        Json.Value.RootElement.GetProperty("coral").EnumerateArray().Select(c => new CoralCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("layers").GetInt32(),
            c.GetProperty("loss").GetDouble())).ToDictionary(c => c.Name);

    public static NpyArray Array(string name) => Npy.Read(File.ReadAllBytes(Path.Combine(Folder, name + ".npy")), name);

    /// <summary>A float64 leaf tensor of <paramref name="array"/>'s shape that records its gradient.</summary>
    public static torch.Tensor Leaf(NpyArray array, torch.ScalarType dtype = torch.ScalarType.Float64) =>
        torch.tensor(array.Values, [.. array.Shape.Select(d => (long)d)]).to_type(dtype).requires_grad_();

    /// <summary>Largest |actual − expected| over max(1, largest |expected|): absolute for values of order 1, relative above.</summary>
    public static double Error(torch.Tensor actual, NpyArray expected)
    {
        Assert.Equal(expected.Shape.Select(d => (long)d), actual.shape);
        var values = actual.to_type(torch.ScalarType.Float64).contiguous().data<double>().ToArray();
        double worst = 0, scale = 1;
        for (var i = 0; i < values.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(values[i] - expected.Values[i]));
            scale = Math.Max(scale, Math.Abs(expected.Values[i]));
        }
        return worst / scale;
    }

    /// <summary>|actual − expected| over max(1, |expected|).</summary>
    public static double Error(double actual, double expected) => Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected));
}
