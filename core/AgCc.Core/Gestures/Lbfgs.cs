namespace AgCc.Core.Gestures;

/// <summary>f(x) and its gradient (written into the second argument).</summary>
public delegate double Objective(double[] x, double[] gradient);

/// <summary>
/// f(x) and its gradient, computed elsewhere (other threads, other silos): the optimiser awaits it,
/// so several optimisers can have their evaluations batched into one round.
/// </summary>
public delegate ValueTask<double> AsyncObjective(double[] x, double[] gradient);

public enum LbfgsStop
{
    /// <summary>max |g_i| ≤ gradient tolerance (scipy's pgtol).</summary>
    Gradient,

    /// <summary>(f_k − f_k+1) / max(|f_k|, |f_k+1|, 1) ≤ function tolerance (scipy's factr·eps).</summary>
    FunctionChange,
    MaxIterations,
    MaxEvaluations,

    /// <summary>The line search ran out of evaluations twice (the last accepted point is kept).</summary>
    LineSearch,
}

/// <param name="FunctionTolerance">scipy.optimize.minimize(method="L-BFGS-B", tol=t) sets ftol = gtol = t; tslearn passes 1e-3.</param>
public sealed record LbfgsOptions(
    int MaxIterations = 100,
    double FunctionTolerance = 1e-3,
    double GradientTolerance = 1e-3,
    int Memory = 10,
    int MaxEvaluations = 15000,
    int MaxLineSearchEvaluations = 20);

public sealed record LbfgsResult(double[] X, double Value, int Iterations, int Evaluations, LbfgsStop Stop);

/// <summary>
/// Unconstrained L-BFGS with scipy L-BFGS-B's defaults and stopping rules (memory 10, first step
/// 1/‖d‖ then 1, the Moré–Thuente line search of MINPACK-2 with its constants, stop on the relative
/// decrease or the max-norm of the gradient). Own code rather than MathNet.Numerics'
/// LimitedMemoryBfgsMinimizer because that one scales its gradient test by |x| and |f| and throws
/// on reaching its iteration limit, so tslearn's rule (tol 1e-3 on both tests, max_iter as a
/// budget, not an error) cannot be expressed with it.
/// </summary>
public static class Lbfgs
{
    /// <summary>Minimises f from start; f is called on this thread.</summary>
    public static LbfgsResult Minimize(Objective f, ReadOnlySpan<double> start, LbfgsOptions options)
    {
        // Every evaluation completes synchronously, so the task is complete on return.
        var task = MinimizeAsync((x, g) => ValueTask.FromResult(f(x, g)), start.ToArray(), options);
        return task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
    }

    public static async ValueTask<LbfgsResult> MinimizeAsync(AsyncObjective f, double[] start, LbfgsOptions options)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var fx = await f(x, g); // no ConfigureAwait(false): a grain that coordinates a fit must stay on its scheduler
        var evaluations = 1;
        if (MaxAbs(g) <= options.GradientTolerance) return new LbfgsResult(x, fx, 0, evaluations, LbfgsStop.Gradient);

        var memory = Math.Max(1, options.Memory);
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        for (var k = 0; k < memory; k++) (s[k], y[k]) = (new double[n], new double[n]);
        var stored = 0;
        var newest = -1;
        var alpha = new double[memory];
        var direction = new double[n];
        var search = new MoreThuenteLineSearch(n);

        for (var iteration = 0; iteration < options.MaxIterations;)
        {
            TwoLoop(g, s, y, rho, stored, newest, alpha, direction);
            var slope = Dot(g, direction);
            if (!(slope < 0.0))
            {
                // Not a descent direction (lost curvature): restart from steepest descent.
                stored = 0;
                for (var i = 0; i < n; i++) direction[i] = -g[i];
                slope = Dot(g, direction);
            }
            // L-BFGS-B: the first step has length 1 (1/‖d‖ along d), every later one starts at 1.
            var first = iteration == 0 ? Math.Min(1.0 / Math.Sqrt(Dot(direction, direction)), 1e10) : 1.0;
            var budget = Math.Min(options.MaxLineSearchEvaluations, options.MaxEvaluations - evaluations);
            var (found, used) = await search.RunAsync(f, x, fx, direction, slope, first, budget);
            evaluations += used;
            if (!found)
            {
                // x stays at the last accepted point; restart once from steepest descent, as L-BFGS-B does.
                if (stored > 0 && evaluations < options.MaxEvaluations)
                {
                    stored = 0;
                    continue;
                }
                return new LbfgsResult(x, fx, iteration, evaluations,
                    evaluations >= options.MaxEvaluations ? LbfgsStop.MaxEvaluations : LbfgsStop.LineSearch);
            }

            newest = (newest + 1) % memory;
            var sk = s[newest];
            var yk = y[newest];
            for (var i = 0; i < n; i++)
            {
                sk[i] = search.X[i] - x[i];
                yk[i] = search.G[i] - g[i];
            }
            var sy = Dot(sk, yk);
            if (sy > 2.2e-16 * Dot(yk, yk))
            {
                rho[newest] = 1.0 / sy;
                stored = Math.Min(stored + 1, memory);
            }
            else
            {
                newest = (newest - 1 + memory) % memory; // skip the update, as L-BFGS-B does
            }
            iteration++;
            var previous = fx;
            Accept(search, x, g, ref fx);
            if (MaxAbs(g) <= options.GradientTolerance) return new LbfgsResult(x, fx, iteration, evaluations, LbfgsStop.Gradient);
            if (previous - fx <= options.FunctionTolerance * Math.Max(Math.Max(Math.Abs(previous), Math.Abs(fx)), 1.0))
                return new LbfgsResult(x, fx, iteration, evaluations, LbfgsStop.FunctionChange);
            if (evaluations >= options.MaxEvaluations) return new LbfgsResult(x, fx, iteration, evaluations, LbfgsStop.MaxEvaluations);
        }
        return new LbfgsResult(x, fx, options.MaxIterations, evaluations, LbfgsStop.MaxIterations);
    }

    private static void Accept(MoreThuenteLineSearch search, double[] x, double[] g, ref double fx)
    {
        search.X.CopyTo(x, 0);
        search.G.CopyTo(g, 0);
        fx = search.Value;
    }

    /// <summary>direction = −H·g with H0 = (s·y / y·y)·I from the newest pair.</summary>
    private static void TwoLoop(double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest, double[] alpha, double[] q)
    {
        var memory = s.Length;
        for (var i = 0; i < q.Length; i++) q[i] = -g[i];
        for (var k = 0; k < stored; k++)
        {
            var idx = (newest - k + memory) % memory;
            alpha[idx] = rho[idx] * Dot(s[idx], q);
            Axpy(-alpha[idx], y[idx], q);
        }
        if (stored > 0)
        {
            var scale = 1.0 / (rho[newest] * Dot(y[newest], y[newest]));
            for (var i = 0; i < q.Length; i++) q[i] *= scale;
        }
        for (var k = stored - 1; k >= 0; k--)
        {
            var idx = (newest - k + memory) % memory;
            var beta = rho[idx] * Dot(y[idx], q);
            Axpy(alpha[idx] - beta, s[idx], q);
        }
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < y.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] v)
    {
        var max = 0.0;
        foreach (var value in v) max = Math.Max(max, Math.Abs(value));
        return max;
    }
}
