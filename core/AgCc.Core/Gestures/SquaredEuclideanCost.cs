using System.Numerics;
using System.Runtime.InteropServices;

namespace AgCc.Core.Gestures;

/// <summary>
/// The ground cost matrix C[i, j] = Σ_k (x_ik − y_jk)², the difference form (not |x|²+|y|²−2x·y,
/// which tslearn uses and which loses ~1e-14 to cancellation), with Vector&lt;double&gt; over k.
/// </summary>
public static class SquaredEuclideanCost
{
    /// <summary>Writes C (m×n) into <paramref name="cost"/> with row stride <paramref name="stride"/>.</summary>
    public static void Fill(ReadOnlySpan<double> x, int m, ReadOnlySpan<double> y, int n, int d, Span<double> cost, int stride)
    {
        for (var i = 0; i < m; i++)
        {
            var xi = x.Slice(i * d, d);
            var row = cost.Slice(i * stride, n);
            for (var j = 0; j < n; j++) row[j] = Distance(xi, y.Slice(j * d, d));
        }
    }

    /// <summary>Σ_k (a_k − b_k)² with SIMD lanes and a scalar tail.</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var acc = Vector<double>.Zero;
        for (var v = 0; v < va.Length; v++)
        {
            var diff = va[v] - vb[v];
            acc += diff * diff;
        }
        var sum = Vector.Sum(acc);
        for (var k = va.Length * Vector<double>.Count; k < a.Length; k++)
        {
            var diff = a[k] - b[k];
            sum += diff * diff;
        }
        return sum;
    }

    /// <summary>The plain scalar loop: the reference the benchmark measures SIMD against.</summary>
    public static void FillScalar(ReadOnlySpan<double> x, int m, ReadOnlySpan<double> y, int n, int d, Span<double> cost, int stride)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < d; k++)
                {
                    var diff = x[i * d + k] - y[j * d + k];
                    sum += diff * diff;
                }
                cost[i * stride + j] = sum;
            }
        }
    }
}
