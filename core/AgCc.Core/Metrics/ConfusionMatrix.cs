namespace AgCc.Core.Metrics;

/// <summary>
/// Counts of (true class, predicted class) pairs over a fixed set of classes 0..Classes−1: row =
/// true class, column = predicted class, as sklearn.metrics.confusion_matrix with
/// labels=range(Classes). The class count is the task's, not what the data happen to contain, so a
/// class nobody predicted (or no sample has) still has its row and column and every run of a task
/// has the same shape. Immutable.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts; // row-major, Classes × Classes

    private ConfusionMatrix(int classes, long[] counts)
    {
        Classes = classes;
        _counts = counts;
        for (var i = 0; i < counts.Length; i++) Total += counts[i];
        for (var k = 0; k < classes; k++) Correct += counts[k * classes + k];
    }

    /// <summary>The number of classes (rows and columns).</summary>
    public int Classes { get; }

    /// <summary>All samples counted.</summary>
    public long Total { get; }

    /// <summary>Samples on the diagonal (predicted = true).</summary>
    public long Correct { get; }

    /// <summary>How many samples of true class <paramref name="trueClass"/> were predicted as <paramref name="predictedClass"/>.</summary>
    public long this[int trueClass, int predictedClass]
    {
        get
        {
            CheckClass(trueClass, nameof(trueClass));
            CheckClass(predictedClass, nameof(predictedClass));
            return _counts[trueClass * Classes + predictedClass];
        }
    }

    /// <summary>Counts the pairs (trueClasses[i], predictedClasses[i]); both are class indices in [0, classes).</summary>
    public static ConfusionMatrix FromPredictions(IReadOnlyList<int> trueClasses, IReadOnlyList<int> predictedClasses, int classes)
    {
        ArgumentNullException.ThrowIfNull(trueClasses);
        ArgumentNullException.ThrowIfNull(predictedClasses);
        CheckClassCount(classes);
        if (trueClasses.Count != predictedClasses.Count)
            throw new ArgumentException(
                $"{predictedClasses.Count} predictions for {trueClasses.Count} true classes; the lengths must match", nameof(predictedClasses));
        var counts = new long[classes * classes];
        for (var i = 0; i < trueClasses.Count; i++)
        {
            var t = trueClasses[i];
            var p = predictedClasses[i];
            if ((uint)t >= (uint)classes)
                throw new ArgumentException($"trueClasses[{i}] is {t}; class indices lie in [0, {classes})", nameof(trueClasses));
            if ((uint)p >= (uint)classes)
                throw new ArgumentException($"predictedClasses[{i}] is {p}; class indices lie in [0, {classes})", nameof(predictedClasses));
            counts[t * classes + p]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    /// <summary>
    /// A matrix from its counts (counts[true][predicted]), e.g. one read back from a stored result.
    /// Square, at least 1 × 1, no negative counts.
    /// </summary>
    public static ConfusionMatrix FromCounts(IReadOnlyList<IReadOnlyList<long>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var classes = counts.Count;
        if (classes < 1) throw new ArgumentException("a confusion matrix needs at least one class", nameof(counts));
        var flat = new long[classes * classes];
        for (var t = 0; t < classes; t++)
        {
            var row = counts[t] ?? throw new ArgumentException($"row {t} is null", nameof(counts));
            if (row.Count != classes)
                throw new ArgumentException($"row {t} has {row.Count} counts; a {classes}-class matrix is square", nameof(counts));
            for (var p = 0; p < classes; p++)
            {
                if (row[p] < 0) throw new ArgumentException($"counts[{t}][{p}] is {row[p]}; counts are ≥ 0", nameof(counts));
                flat[t * classes + p] = row[p];
            }
        }
        return new ConfusionMatrix(classes, flat);
    }

    /// <summary>The sum of both matrices, so batches or partitions of one evaluation can be counted apart and merged.</summary>
    public ConfusionMatrix Add(ConfusionMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Classes != Classes)
            throw new ArgumentException($"a {other.Classes}-class matrix cannot be added to a {Classes}-class one", nameof(other));
        var sum = new long[_counts.Length];
        for (var i = 0; i < sum.Length; i++) sum[i] = checked(_counts[i] + other._counts[i]);
        return new ConfusionMatrix(Classes, sum);
    }

    /// <summary>Samples whose true class is <paramref name="trueClass"/> (the row sum; sklearn's "support").</summary>
    public long Support(int trueClass)
    {
        CheckClass(trueClass, nameof(trueClass));
        var sum = 0L;
        for (var p = 0; p < Classes; p++) sum += _counts[trueClass * Classes + p];
        return sum;
    }

    /// <summary>Samples predicted as <paramref name="predictedClass"/> (the column sum).</summary>
    public long Predicted(int predictedClass)
    {
        CheckClass(predictedClass, nameof(predictedClass));
        var sum = 0L;
        for (var t = 0; t < Classes; t++) sum += _counts[t * Classes + predictedClass];
        return sum;
    }

    /// <summary>A copy of the counts as rows (counts[true][predicted]), the shape FromCounts reads and JSON writes naturally.</summary>
    public long[][] ToRows()
    {
        var rows = new long[Classes][];
        for (var t = 0; t < Classes; t++) rows[t] = _counts.AsSpan(t * Classes, Classes).ToArray();
        return rows;
    }

    private static void CheckClassCount(int classes)
    {
        if (classes < 1) throw new ArgumentException($"classes is {classes}; a task has at least one class", nameof(classes));
    }

    private void CheckClass(int index, string name)
    {
        if ((uint)index >= (uint)Classes) throw new ArgumentException($"{name} is {index}; class indices lie in [0, {Classes})", name);
    }
}
