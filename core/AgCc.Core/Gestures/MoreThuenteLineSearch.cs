namespace AgCc.Core.Gestures;

/// <summary>
/// The Moré–Thuente line search (MINPACK-2 dcsrch/dcstep) as L-BFGS-B calls it: sufficient
/// decrease 1e-3, curvature 0.9, interval tolerance 0.1, steps in [0, 1e10]. Following L-BFGS-B,
/// a "warning" exit (rounding errors, interval too small) accepts the last trial point. Using the
/// same search as scipy is what makes a tol-1e-3 barycentre stop where tslearn's stops.
/// </summary>
internal sealed class MoreThuenteLineSearch(int n)
{
    private const double Ftol = 1e-3;
    private const double Gtol = 0.9;
    private const double Xtol = 0.1;
    private const double StepMin = 0.0;
    private const double StepMax = 1e10;

    private readonly double[] trialX = new double[n];
    private readonly double[] trialG = new double[n];

    /// <summary>The accepted point, its gradient and value (valid when <see cref="RunAsync"/> found one).</summary>
    public double[] X => trialX;

    public double[] G => trialG;

    public double Value { get; private set; }

    /// <summary>
    /// Searches along d from x0 (value f0, slope g0·d &lt; 0); Found is false when maxEvaluations ran
    /// out first; Used counts the evaluations.
    /// </summary>
    public async ValueTask<(bool Found, int Used)> RunAsync(AsyncObjective f, double[] x0, double f0, double[] d, double slope0, double step, int maxEvaluations)
    {
        var used = 0;
        var bracketed = false;
        var stage = 1;
        var gtest = Ftol * slope0;
        var width = StepMax - StepMin;
        var width1 = width / 0.5;
        double stx = 0, fx = f0, gx = slope0;
        double sty = 0, fy = f0, gy = slope0;
        double stmin = 0, stmax = step + 4.0 * step;
        while (used < maxEvaluations)
        {
            for (var i = 0; i < trialX.Length; i++) trialX[i] = x0[i] + step * d[i];
            var value = await f(trialX, trialG); // stays on the caller's scheduler (see Lbfgs)
            used++;
            var slope = Lbfgs.Dot(trialG, d);
            Value = value;
            if (!double.IsFinite(value))
            {
                // Not in MINPACK: treat an overflow as "far too long" and halve towards the best step.
                (sty, fy, gy, bracketed) = (step, double.PositiveInfinity, 0, true);
                step = stx + 0.5 * (step - stx);
                continue;
            }

            var ftest = f0 + step * gtest;
            if (stage == 1 && value <= ftest && slope >= 0) stage = 2;
            var warning = (bracketed && (step <= stmin || step >= stmax))
                || (bracketed && stmax - stmin <= Xtol * stmax)
                || (step == StepMax && value <= ftest && slope <= gtest)
                || (step == StepMin && (value > ftest || slope >= gtest));
            if (value <= ftest && Math.Abs(slope) <= Gtol * -slope0) return (true, used);
            if (warning) return (true, used);

            if (stage == 1 && value <= fx && value > ftest)
            {
                // The modified function ψ(α) = f(α) − α·gtest while only a lower value is known.
                double fm = value - step * gtest, fxm = fx - stx * gtest, fym = fy - sty * gtest;
                double gm = slope - gtest, gxm = gx - gtest, gym = gy - gtest;
                Step(ref stx, ref fxm, ref gxm, ref sty, ref fym, ref gym, ref step, fm, gm, ref bracketed, stmin, stmax);
                fx = fxm + stx * gtest;
                fy = fym + sty * gtest;
                gx = gxm + gtest;
                gy = gym + gtest;
            }
            else
            {
                Step(ref stx, ref fx, ref gx, ref sty, ref fy, ref gy, ref step, value, slope, ref bracketed, stmin, stmax);
            }

            if (bracketed)
            {
                if (Math.Abs(sty - stx) >= 0.66 * width1) step = stx + 0.5 * (sty - stx);
                width1 = width;
                width = Math.Abs(sty - stx);
                stmin = Math.Min(stx, sty);
                stmax = Math.Max(stx, sty);
            }
            else
            {
                stmin = step + 1.1 * (step - stx);
                stmax = step + 4.0 * (step - stx);
            }
            step = Math.Min(Math.Max(step, StepMin), StepMax);
            if (bracketed && (step <= stmin || step >= stmax || stmax - stmin <= Xtol * stmax)) step = stx;
        }
        return (false, used);
    }

    /// <summary>dcstep: a safeguarded cubic/quadratic/secant step, and the update of the bracketing interval.</summary>
    private static void Step(ref double stx, ref double fx, ref double dx, ref double sty, ref double fy, ref double dy,
        ref double stp, double fp, double dp, ref bool bracketed, double stpmin, double stpmax)
    {
        var sgnd = dp * (dx / Math.Abs(dx));
        double stpf;
        if (fp > fx)
        {
            // Higher value: the minimum is bracketed; cubic if closer to stx than the quadratic, else their mean.
            var theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            var s = Max3(theta, dx, dp);
            var gamma = s * Math.Sqrt(Sq(theta / s) - dx / s * (dp / s));
            if (stp < stx) gamma = -gamma;
            var p = gamma - dx + theta;
            var q = gamma - dx + gamma + dp;
            var stpc = stx + p / q * (stp - stx);
            var stpq = stx + dx / ((fx - fp) / (stp - stx) + dx) / 2.0 * (stp - stx);
            stpf = Math.Abs(stpc - stx) < Math.Abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2.0;
            bracketed = true;
        }
        else if (sgnd < 0)
        {
            // Lower value, derivatives of opposite sign: bracketed; the step farther from stp of cubic and secant.
            var theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            var s = Max3(theta, dx, dp);
            var gamma = s * Math.Sqrt(Sq(theta / s) - dx / s * (dp / s));
            if (stp > stx) gamma = -gamma;
            var p = gamma - dp + theta;
            var q = gamma - dp + gamma + dx;
            var stpc = stp + p / q * (stx - stp);
            var stpq = stp + dp / (dp - dx) * (stx - stp);
            stpf = Math.Abs(stpc - stp) > Math.Abs(stpq - stp) ? stpc : stpq;
            bracketed = true;
        }
        else if (Math.Abs(dp) < Math.Abs(dx))
        {
            // Lower value, same sign, derivative shrinking.
            var theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            var s = Max3(theta, dx, dp);
            var gamma = s * Math.Sqrt(Math.Max(0.0, Sq(theta / s) - dx / s * (dp / s)));
            if (stp > stx) gamma = -gamma;
            var p = gamma - dp + theta;
            var q = gamma + (dx - dp) + gamma;
            var r = p / q;
            var stpc = r < 0 && gamma != 0 ? stp + r * (stx - stp) : stp > stx ? stpmax : stpmin;
            var stpq = stp + dp / (dp - dx) * (stx - stp);
            if (bracketed)
            {
                stpf = Math.Abs(stpc - stp) < Math.Abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.Min(stp + 0.66 * (sty - stp), stpf) : Math.Max(stp + 0.66 * (sty - stp), stpf);
            }
            else
            {
                stpf = Math.Abs(stpc - stp) > Math.Abs(stpq - stp) ? stpc : stpq;
                stpf = Math.Max(stpmin, Math.Min(stpmax, stpf));
            }
        }
        else if (bracketed)
        {
            // Lower value, same sign, derivative not shrinking: cubic towards sty.
            var theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
            var s = Max3(theta, dy, dp);
            var gamma = s * Math.Sqrt(Sq(theta / s) - dy / s * (dp / s));
            if (stp > sty) gamma = -gamma;
            var p = gamma - dp + theta;
            var q = gamma - dp + gamma + dy;
            stpf = stp + p / q * (sty - stp);
        }
        else
        {
            stpf = stp > stx ? stpmax : stpmin;
        }

        if (fp > fx)
        {
            (sty, fy, dy) = (stp, fp, dp);
        }
        else
        {
            if (sgnd < 0) (sty, fy, dy) = (stx, fx, dx);
            (stx, fx, dx) = (stp, fp, dp);
        }
        stp = stpf;
    }

    private static double Max3(double a, double b, double c) => Math.Max(Math.Abs(a), Math.Max(Math.Abs(b), Math.Abs(c)));

    private static double Sq(double v) => v * v;
}
