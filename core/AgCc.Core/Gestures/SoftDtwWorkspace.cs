namespace AgCc.Core.Gestures;

/// <summary>
/// The per-thread buffers of one soft-DTW evaluation, grown on demand and never shrunk, so the hot
/// path allocates nothing once a thread has seen the longest pair. Cells use the padded layout
/// (m+1)×(n+1) with row stride n+1: R is shifted by one (R[0,0] = 0, borders +∞); the weights and
/// E hold cell (i, j) at i·(n+1)+j with a zero last row and column.
/// </summary>
internal sealed class SoftDtwWorkspace
{
    [ThreadStatic] private static SoftDtwWorkspace? current;

    public double[] Cost = [];
    public double[] R = [];
    public double[] WeightUp = [];
    public double[] WeightLeft = [];
    public double[] WeightDiagonal = [];
    public double[] E = [];

    public static SoftDtwWorkspace ForThread(int m, int n)
    {
        var workspace = current ??= new SoftDtwWorkspace();
        workspace.Ensure((m + 1) * (n + 1));
        return workspace;
    }

    private void Ensure(int size)
    {
        if (R.Length >= size) return;
        size = Math.Max(size, R.Length * 2); // amortised growth
        Cost = new double[size];
        R = new double[size];
        WeightUp = new double[size];
        WeightLeft = new double[size];
        WeightDiagonal = new double[size];
        E = new double[size];
    }
}
