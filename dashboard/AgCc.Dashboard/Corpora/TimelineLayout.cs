using AgCc.Grains.Corpora;

namespace AgCc.Dashboard.Corpora;

/// <summary>One labelled span on the timeline, in view-box units.</summary>
public sealed record TimelineBox(double X, double Width, string Label, double Start, double End, bool ShowLabel);

/// <summary>
/// Lays words and phones out along time in an SVG view box <see cref="Width"/> units wide; the
/// browser scales it to the page and maps clicks back to seconds with the same proportion.
/// </summary>
public static class TimelineLayout
{
    public const double Width = 1000;

    /// <summary>Roughly how wide a label's character is, in view-box units, at the timeline's font size.</summary>
    public const double CharWidth = 8.5;

    /// <summary>How long the timeline is: the audio, or the alignment where it runs longer.</summary>
    public static double Span(double duration, IEnumerable<PhoneSpan> spans, IReadOnlyList<double> timestamps)
    {
        var end = duration;
        foreach (var s in spans) end = Math.Max(end, s.End);
        if (timestamps.Count > 0) end = Math.Max(end, timestamps[^1]);
        return end > 0 ? end : 1;
    }

    public static double X(double time, double span) => Math.Clamp(time / span, 0, 1) * Width;

    /// <summary>Boxes for the labelled spans (silences, i.e. empty labels, are left out); a label shows where it fits.</summary>
    public static IReadOnlyList<TimelineBox> Boxes(IEnumerable<PhoneSpan> spans, double span)
    {
        var boxes = new List<TimelineBox>();
        foreach (var s in spans)
        {
            if (string.IsNullOrWhiteSpace(s.Label) || s.End <= s.Start) continue;
            var x = X(s.Start, span);
            var width = X(s.End, span) - x;
            boxes.Add(new TimelineBox(x, width, s.Label, s.Start, s.End, width >= s.Label.Length * CharWidth + 4));
        }
        return boxes;
    }

    /// <summary>Tick times from 0 at a round step, at most about <paramref name="maxTicks"/> of them.</summary>
    public static IReadOnlyList<double> Ticks(double span, int maxTicks = 12)
    {
        double[] steps = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60];
        var step = steps.FirstOrDefault(s => span / s <= maxTicks, 60);
        var ticks = new List<double>();
        for (var k = 0; k * step <= span + 1e-9; k++) ticks.Add(Math.Round(k * step, 6));
        return ticks;
    }

    private static readonly HashSet<string> ArpabetVowels =
        new(["AA", "AE", "AH", "AO", "AW", "AX", "AXR", "AY", "EH", "ER", "EY", "IH", "IX", "IY", "OW", "OY", "UH", "UW", "UX"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether an ARPAbet phone (`AH`, `AH1`) is a vowel; the timeline colours vowels apart.</summary>
    public static bool IsVowel(string phone) => ArpabetVowels.Contains(phone.TrimEnd('0', '1', '2'));
}
