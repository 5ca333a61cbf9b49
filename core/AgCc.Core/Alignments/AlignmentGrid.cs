using System.Globalization;

namespace AgCc.Core.Alignments;

/// <summary>
/// The TextGrid MFA writes for an alignment: tiers `words` then `phones`, each covering
/// [0, duration] with empty-text intervals in the gaps (praatio's `includeBlankSpaces`).
/// A gap or overlap of at most <see cref="TextGridReader.Tolerance"/> is closed by moving the
/// later boundary onto the earlier one, so the tier is contiguous as Praat expects.
/// </summary>
public static class AlignmentGrid
{
    private const string AlignmentParameter = "alignment";

    public static TextGrid ToTextGrid(PhoneAlignment alignment, double duration)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        if (!double.IsFinite(duration) || duration <= 0)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "the duration must be a positive number of seconds");
        return new TextGrid(0, duration,
        [
            new IntervalTier("words", 0, duration, Fill(alignment.Words, duration, "words")),
            new IntervalTier("phones", 0, duration, Fill(alignment.Phones, duration, "phones")),
        ]);
    }

    private static List<Interval> Fill(IReadOnlyList<Interval> intervals, double duration, string tier)
    {
        const double tol = TextGridReader.Tolerance;
        var filled = new List<Interval>(2 * intervals.Count + 1);
        var cursor = 0.0;
        for (var k = 0; k < intervals.Count; k++)
        {
            var (start, end, label) = intervals[k];
            if (!double.IsFinite(start) || !double.IsFinite(end) || !(end > start))
                throw new ArgumentException($"{Where(k)} must end after it starts", AlignmentParameter);
            if (start < cursor - tol)
                throw new ArgumentException(
                    k == 0 ? $"{Where(k)} starts before 0" : $"{Where(k)} starts before the previous interval ends ({PraatNumber.Format(cursor)} s)",
                    AlignmentParameter);
            if (end > duration + tol)
                throw new ArgumentException($"{Where(k)} ends after the duration {PraatNumber.Format(duration)} s", AlignmentParameter);
            if (start > cursor + tol) filled.Add(new Interval(cursor, start, ""));
            else start = cursor;
            end = Math.Min(end, duration);
            if (duration - end <= tol) end = duration;
            if (!(end > start))
                throw new ArgumentException($"{Where(k)} is shorter than the {tol} s tolerance", AlignmentParameter);
            filled.Add(new Interval(start, end, label ?? ""));
            cursor = end;
        }
        if (cursor < duration) filled.Add(new Interval(cursor, duration, ""));
        return filled;

        string Where(int k) => string.Create(CultureInfo.InvariantCulture,
            $"{tier}[{k}] (\"{intervals[k].Label}\", {intervals[k].Start}–{intervals[k].End} s)");
    }
}
