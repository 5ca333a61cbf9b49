namespace AgCc.Core.Synthesis;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small generator whose sequence is fixed by this
/// code alone (not by a runtime's System.Random implementation), so a seed means the same corpus
/// on every machine and .NET version. A struct, so a per-utterance generator costs no allocation.
/// </summary>
public struct Prng
{
    private readonly ulong _origin;
    private ulong _s0, _s1, _s2, _s3;

    public Prng(ulong seed)
    {
        _origin = seed;
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>A seed for a named part of a run: (seed, corpus, utterance id) → 64 bits.</summary>
    public static ulong Derive(long seed, params ReadOnlySpan<string> names)
    {
        // FNV-1a over the UTF-16 code units, then SplitMix's finaliser to spread the bits.
        var hash = 14695981039346656037UL ^ (ulong)seed;
        foreach (var name in names)
        {
            foreach (var c in name)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }
            hash ^= 0xFF; // separator, so ("ab","c") and ("a","bc") differ
            hash *= 1099511628211UL;
        }
        return SplitMix(ref hash);
    }

    /// <summary>A generator for a sub-stream: independent of how much of this one was used.</summary>
    public readonly Prng Fork(string name) => new(Derive((long)_origin, name));

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, count).</summary>
    public int NextInt(int count) => (int)((NextUInt64() >> 33) % (ulong)count);

    public int NextInt(int low, int highExclusive) => low + NextInt(highExclusive - low);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by Box–Muller (one of the pair; simplicity over speed).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double Gaussian(double mean, double sd) => mean + sd * Gaussian();

    /// <summary>Normal, clamped to [low, high]: parameters that must stay physical.</summary>
    public double Gaussian(double mean, double sd, double low, double high) =>
        Math.Clamp(Gaussian(mean, sd), low, high);

    /// <summary>Index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var u = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.Length - 1;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
