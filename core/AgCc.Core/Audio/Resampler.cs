using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AgCc.Core.Audio;

/// <summary>
/// Band-limited resampling of mono float audio between any two positive integer rates, equal up to
/// float32 rounding (≤ 2.4e-7 on the test signals) to <c>torchaudio.functional.resample(waveform,
/// from, to)</c> with its defaults, so audio prepared here is what a torchaudio-based Python
/// pipeline would feed the same model. Instances are
/// immutable, thread-safe and cached per rate pair (<see cref="For"/>): the kernel is built once.
/// </summary>
/// <remarks>
/// Output length is torchaudio 2.x's: <c>ceil(float32(to′·n / from′))</c> with the gcd-reduced rates,
/// the quotient rounded to float32 first (it passes through <c>torch.as_tensor</c>). For long inputs
/// whose exact quotient is a hair above an integer this is one sample shorter than torchaudio ≤ 0.13's
/// <c>math.ceil</c>. Equal rates return a copy. Each output sample is accumulated in double.
/// </remarks>
public sealed class Resampler
{
    private static readonly ConcurrentDictionary<(int From, int To), Resampler> Cache = new();

    private readonly SincResampleKernel? _kernel;

    private Resampler(int fromRate, int toRate)
    {
        FromRate = fromRate;
        ToRate = toRate;
        if (fromRate != toRate) _kernel = SincResampleKernel.Create(fromRate, toRate);
    }

    public int FromRate { get; }

    public int ToRate { get; }

    /// <summary>The resampler from <paramref name="fromRate"/> to <paramref name="toRate"/> Hz, built on first use.</summary>
    public static Resampler For(int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(toRate, 1);
        return Cache.GetOrAdd((fromRate, toRate), static key => new Resampler(key.From, key.To));
    }

    /// <summary><paramref name="input"/> at <paramref name="fromRate"/> Hz, resampled to <paramref name="toRate"/> Hz.</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate) => For(fromRate, toRate).Process(input);

    /// <summary>The clip at <paramref name="toRate"/> Hz (a copy when it is already there).</summary>
    public static AudioClip Resample(AudioClip clip, int toRate)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return new AudioClip(Resample(clip.Samples, clip.SampleRate, toRate), toRate);
    }

    /// <summary>How many samples <see cref="Process(ReadOnlySpan{float})"/> returns for <paramref name="inputLength"/>.</summary>
    public int OutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        if (_kernel is null) return inputLength;
        var quotient = (double)((long)_kernel.To * inputLength) / _kernel.From;
        var length = (long)MathF.Ceiling((float)quotient);
        if (length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(inputLength), inputLength, $"resampled to {ToRate} Hz it would be {length} samples, more than an array holds");
        return (int)length;
    }

    public float[] Process(ReadOnlySpan<float> input)
    {
        var output = new float[OutputLength(input.Length)];
        Process(input, output);
        return output;
    }

    /// <param name="output">Exactly <see cref="OutputLength"/> samples long.</param>
    // Fully optimised from the first call: a silo that resamples a corpus once would otherwise run
    // its first seconds of audio through tier-0 code, 30× slower (measured, docs/features.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        var expected = OutputLength(input.Length);
        if (output.Length != expected)
            throw new ArgumentException($"the output holds {output.Length} samples; {expected} are needed for {input.Length} input samples", nameof(output));
        if (_kernel is null)
        {
            input.CopyTo(output);
            return;
        }

        var kernel = _kernel;
        var m = 0;
        for (long origin = 0; m < output.Length; origin += kernel.From)
        {
            for (var j = 0; j < kernel.To && m < output.Length; j++, m++)
                output[m] = Dot(kernel.Phase(j), input, origin + kernel.FirstInput[j]);
        }
    }

    /// <summary>Σ taps[q]·input[start + q], input taken as zero outside its bounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Dot(ReadOnlySpan<float> taps, ReadOnlySpan<float> input, long start)
    {
        var first = (int)Math.Max(0, -start);
        var last = (int)Math.Min(taps.Length, input.Length - start);
        if (first >= last) return 0f;
        return (float)Dot(taps[first..last], input.Slice((int)(start + first), last - first));
    }

    /// <summary>
    /// Σ w[q]·x[q] in double. Float products are exact in double; the sum runs in eight lanes in a
    /// fixed order (the same result on every machine), then the tail.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(ReadOnlySpan<float> w, ReadOnlySpan<float> x)
    {
        var q = 0;
        var sum = 0.0;
        if (x.Length >= Vector256<float>.Count)
        {
            var low = Vector256<double>.Zero;
            var high = Vector256<double>.Zero;
            for (; q <= x.Length - Vector256<float>.Count; q += Vector256<float>.Count)
            {
                var wv = Vector256.Create(w[q..]);
                var xv = Vector256.Create(x[q..]);
                low += Vector256.WidenLower(wv) * Vector256.WidenLower(xv);
                high += Vector256.WidenUpper(wv) * Vector256.WidenUpper(xv);
            }
            var lanes = low + high;
            sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
        }
        for (; q < x.Length; q++)
            sum += (double)w[q] * x[q];
        return sum;
    }
}
