using AgCc.Core.Formats;
using AgCc.Core.Torch.Features.Wav2Vec2;
using TorchSharp;

namespace AgCc.Core.Tests.Features;

/// <summary>The wav2vec 2.0 fixtures (Fixtures/Wav2Vec2, README.md there) and the error measure every wav2vec 2.0 test uses.</summary>
internal static class Wav2Vec2Fixtures
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Wav2Vec2");

    /// <summary>The bar for every hidden state: largest error over the reference's largest magnitude.</summary>
    public const double Tolerance = 1e-4;

    public static Wav2Vec2Config Config(string variant) => Wav2Vec2Config.FromTorchaudioJson(File.ReadAllText(Path.Combine(Folder, variant + ".config.json")));

    public static NpyArray Reference(string name) => Npy.Read(File.ReadAllBytes(Path.Combine(Folder, name + ".npy")), name);

    public static torch.Tensor Wave(string name) => torch.tensor(Reference(name).Values.Select(v => (float)v).ToArray());

    /// <summary>Largest |actual − expected| per leading index over the largest |expected| of that index.</summary>
    public static double[] RelativeErrors(torch.Tensor actual, NpyArray expected)
    {
        Assert.Equal(expected.Shape.Select(d => (long)d), actual.shape);
        var values = actual.to(torch.ScalarType.Float64).contiguous().data<double>().ToArray();
        var per = values.Length / expected.Shape[0];
        var errors = new double[expected.Shape[0]];
        for (var s = 0; s < errors.Length; s++)
        {
            double worst = 0, scale = 0;
            for (var i = s * per; i < (s + 1) * per; i++)
            {
                worst = Math.Max(worst, Math.Abs(values[i] - expected.Values[i]));
                scale = Math.Max(scale, Math.Abs(expected.Values[i]));
            }
            errors[s] = worst / scale;
        }
        return errors;
    }

    /// <summary>Asserts every index within <see cref="Tolerance"/>; returns the errors for the test output.</summary>
    public static string AssertWithinTolerance(torch.Tensor actual, NpyArray expected)
    {
        var errors = RelativeErrors(actual, expected);
        var text = string.Join(", ", errors.Select((e, i) => $"[{i}] {e:E2}"));
        Assert.All(errors, e => Assert.True(e <= Tolerance, $"relative error {e:E2} > {Tolerance:E0} ({text})"));
        return text;
    }
}
