using AgCc.Core.Audio;
using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Synthesis;

/// <summary>
/// Simple utterance-level prosodic and spectral features, computed at 16 kHz as the platform's
/// log-mel front end sees the audio: mean and spread of frame log energy, median and spread
/// (interquartile) of F0 in semitones, spectral centroid, low/mid band ratio (tilt), voiced share
/// and high-band share. F0 by autocorrelation normalised by the window's own (Boersma 1993),
/// taking the shortest lag within 10% of the best to avoid octave errors.
/// </summary>
internal static class AcousticFeatures
{
    private const int Rate = 16000;
    private const int Window = 640; // 40 ms: two periods at 50 Hz
    private const int Hop = 160;
    private const int Size = 1024;
    private static readonly double[] Hann = Enumerable.Range(0, Window).Select(i => 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (Window - 1))).ToArray();
    private static readonly double[] WindowAcf = AutocorrelationOfWindow();

    public const int Count = 8;

    public static double[] Of(AudioClip clip)
    {
        var x = clip.SampleRate switch
        {
            Rate => clip.Samples,
            3 * Rate => DecimateByThree(clip.Samples),
            _ => Resampler.Resample(clip.Samples, clip.SampleRate, Rate),
        };
        var frames = Math.Max(1, (x.Length - Window) / Hop);
        var energy = new double[frames];
        var f0 = new double[frames];
        var centroid = new double[frames];
        var tilt = new double[frames];
        var high = new double[frames];
        var re = new double[Size];
        var im = new double[Size];
        for (var f = 0; f < frames; f++)
        {
            Array.Clear(re);
            Array.Clear(im);
            for (var i = 0; i < Window && f * Hop + i < x.Length; i++) re[i] = x[f * Hop + i] * Hann[i];
            Fft.Transform(re, im, inverse: false);
            double total = 0, weighted = 0, low = 0, mid = 0, top = 0;
            for (var k = 0; k <= Size / 2; k++)
            {
                var p = re[k] * re[k] + im[k] * im[k];
                var hz = k * (double)Rate / Size;
                total += p;
                weighted += p * hz;
                if (hz < 1000) low += p;
                else if (hz < 4000) mid += p;
                else top += p;
                re[k] = p;
                im[k] = 0;
                if (k > 0 && k < Size / 2) (re[Size - k], im[Size - k]) = (p, 0);
            }
            energy[f] = 10 * Math.Log10(total + 1e-12);
            centroid[f] = weighted / (total + 1e-12);
            tilt[f] = 10 * Math.Log10((low + 1e-12) / (mid + 1e-12));
            high[f] = 10 * Math.Log10((top + 1e-12) / (total + 1e-12));
            Fft.Transform(re, im, inverse: true); // power spectrum → autocorrelation
            f0[f] = Pitch(re);
        }

        var max = energy.Max();
        var active = Enumerable.Range(0, frames).Where(i => energy[i] > max - 30).ToArray();
        var voiced = active.Where(i => f0[i] > 0 && energy[i] > max - 20).Select(i => 12 * Math.Log2(f0[i] / 100)).ToArray();
        return
        [
            Mean(active.Select(i => energy[i])),
            Sd(active.Select(i => energy[i])),
            voiced.Length > 0 ? Quantile(voiced, 0.5) : 0,
            voiced.Length > 3 ? (Quantile(voiced, 0.75) - Quantile(voiced, 0.25)) / 1.35 : 0,
            Mean(active.Select(i => centroid[i])),
            Mean(active.Select(i => tilt[i])),
            (double)voiced.Length / Math.Max(1, active.Length),
            Mean(active.Select(i => high[i])),
        ];
    }

    // 48 → 16 kHz: a 63-tap Hamming-windowed sinc low-pass at 7.2 kHz, then every third sample
    // (cheaper than the platform's resampler and just as good for these features).
    private static readonly double[] Decimator = Enumerable.Range(0, 63).Select(i =>
    {
        var t = i - 31;
        var cutoff = 7200.0 / (3 * Rate);
        var sinc = t == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
        return sinc * (0.54 - 0.46 * Math.Cos(2 * Math.PI * i / 62));
    }).ToArray();

    private static float[] DecimateByThree(float[] x)
    {
        var y = new float[x.Length / 3];
        for (var i = 0; i < y.Length; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < Decimator.Length; k++)
            {
                var j = 3 * i + k - 31;
                if (j >= 0 && j < x.Length) sum += Decimator[k] * x[j];
            }
            y[i] = (float)sum;
        }
        return y;
    }

    private static double Pitch(double[] acf)
    {
        int lo = Rate / 400, hi = Rate / 60;
        var r = new double[hi + 2];
        var best = 0.0;
        for (var l = lo - 1; l <= hi + 1; l++) r[l] = acf[l] / WindowAcf[l] * WindowAcf[0];
        for (var l = lo; l <= hi; l++) best = Math.Max(best, r[l]);
        if (best < 0.6 * acf[0]) return 0;
        for (var l = lo; l <= hi; l++)
            if (r[l] >= 0.9 * best && r[l] >= r[l - 1] && r[l] >= r[l + 1]) return (double)Rate / l;
        return 0;
    }

    private static double[] AutocorrelationOfWindow()
    {
        var r = new double[Size];
        for (var l = 0; l < Window; l++)
            for (var i = 0; i + l < Window; i++) r[l] += Hann[i] * Hann[i + l];
        return r;
    }

    private static double Mean(IEnumerable<double> values)
    {
        var a = values.ToArray();
        return a.Length == 0 ? 0 : a.Average();
    }

    private static double Sd(IEnumerable<double> values)
    {
        var a = values.ToArray();
        if (a.Length < 2) return 0;
        var m = a.Average();
        return Math.Sqrt(a.Sum(v => (v - m) * (v - m)) / a.Length);
    }

    private static double Quantile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)(q * (sorted.Length - 1))];
    }
}

/// <summary>Nearest class centroid on features z-scored with the training set's statistics.</summary>
internal sealed class NearestCentroid<TLabel> where TLabel : notnull
{
    private double[] _mean = [];
    private double[] _sd = [];
    private readonly Dictionary<TLabel, double[]> _centroids = [];

    public static NearestCentroid<TLabel> Fit(IReadOnlyList<(double[] X, TLabel Y)> data)
    {
        var model = new NearestCentroid<TLabel>();
        var d = data[0].X.Length;
        model._mean = Enumerable.Range(0, d).Select(j => data.Average(r => r.X[j])).ToArray();
        model._sd = Enumerable.Range(0, d).Select(j => Math.Sqrt(data.Average(r => Math.Pow(r.X[j] - model._mean[j], 2))) + 1e-9).ToArray();
        foreach (var group in data.GroupBy(r => r.Y))
            model._centroids[group.Key] = Enumerable.Range(0, d).Select(j => group.Average(r => model.Z(r.X, j))).ToArray();
        return model;
    }

    public TLabel Predict(double[] x) =>
        _centroids.MinBy(c => c.Value.Select((v, j) => Math.Pow(Z(x, j) - v, 2)).Sum()).Key;

    /// <summary>Share of correct predictions.</summary>
    public static double Accuracy(IReadOnlyList<(TLabel Truth, TLabel Predicted)> results) =>
        results.Count(r => EqualityComparer<TLabel>.Default.Equals(r.Truth, r.Predicted)) / (double)results.Count;

    /// <summary>Unweighted average recall (the papers' metric).</summary>
    public static double Uar(IReadOnlyList<(TLabel Truth, TLabel Predicted)> results) =>
        results.GroupBy(r => r.Truth).Average(g => g.Count(r => EqualityComparer<TLabel>.Default.Equals(r.Predicted, g.Key)) / (double)g.Count());

    private double Z(double[] x, int j) => (x[j] - _mean[j]) / _sd[j];
}
