using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Model;

/// <summary>
/// Vaswani et al.'s fixed positions, PE[t, 2i] = sin(t / 10000^(2i/W)), PE[t, 2i+1] = cos(same),
/// computed in double and kept as a managed table grown to the longest sequence seen: nothing
/// native outlives a step, so no tensor escapes the caller's dispose scope.
/// </summary>
internal sealed class SinusoidalPositions(int width)
{
    private float[] table = [];

    /// <summary>[T, W] float32 in the current dispose scope.</summary>
    public Tensor Table(long frames)
    {
        var values = table;
        if (values.Length < frames * width) table = values = Compute(checked((int)frames), width);
        return tensor(values.AsSpan(0, (int)(frames * width)).ToArray(), [frames, width]);
    }

    private static float[] Compute(int frames, int width)
    {
        var values = new float[frames * width];
        for (var t = 0; t < frames; t++)
        {
            for (var i = 0; i < width; i += 2)
            {
                var angle = t / Math.Pow(10000, (double)i / width);
                values[t * width + i] = (float)Math.Sin(angle);
                if (i + 1 < width) values[t * width + i + 1] = (float)Math.Cos(angle);
            }
        }
        return values;
    }
}
