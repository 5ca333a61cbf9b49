using AgCc.Core.Alignments;

namespace AgCc.Core.Tests.Alignments;

/// <summary>The fixture files of Fixtures/Alignments and the alignments they hold.</summary>
internal static class AlignmentFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Alignments", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    /// <summary>CREMA-D IEO, "It's eleven o'clock", as mfa_long/mfa_short/textgrid_py_style hold it, read.</summary>
    public static readonly PhoneAlignment ItsElevenOClock = new(
        [new(0.12, 0.35, "it's"), new(0.35, 0.81, "eleven"), new(0.93, 1.45, "o'clock")],
        [
            new(0.12, 0.19, "IH"), new(0.19, 0.26, "T"), new(0.26, 0.35, "S"),
            new(0.35, 0.41, "IH"), new(0.41, 0.48, "L"), new(0.48, 0.58, "EH"), new(0.58, 0.66, "V"),
            new(0.66, 0.72, "AH"), new(0.72, 0.81, "N"),
            new(0.93, 1.0, "AH"), new(1.0, 1.08, "K"), new(1.08, 1.15, "L"), new(1.15, 1.33, "AA"),
            new(1.33, 1.45, "K"),
        ]);

    /// <summary>CREMA-D KTD, "Kids are talking", as the synthetic corpus would pass it to the writer (1.5 s).</summary>
    public static readonly PhoneAlignment KidsAreTalking = new(
        [new(0.1, 0.55, "kids"), new(0.55, 0.7, "are"), new(0.8, 1.3, "talking")],
        [
            new(0.1, 0.2, "K"), new(0.2, 1.0 / 3, "IH"), new(1.0 / 3, 0.45, "D"), new(0.45, 0.55, "Z"),
            new(0.55, 0.62, "AA"), new(0.62, 0.7, "R"),
            new(0.8, 0.9, "T"), new(0.9, 1.05, "AO"), new(1.05, 1.12, "K"), new(1.12, 1.2, "IH"), new(1.2, 1.3, "NG"),
        ]);

    /// <summary>Asserts two alignments hold exactly the same intervals (times compared exactly).</summary>
    public static void AssertSame(PhoneAlignment expected, PhoneAlignment actual)
    {
        Assert.Equal(expected.Words, actual.Words);
        Assert.Equal(expected.Phones, actual.Phones);
    }

    /// <summary>Asserts two TextGrids hold the same tiers, intervals and points.</summary>
    public static void AssertSame(TextGrid expected, TextGrid actual)
    {
        Assert.Equal(expected.XMin, actual.XMin);
        Assert.Equal(expected.XMax, actual.XMax);
        Assert.Equal(expected.Tiers.Count, actual.Tiers.Count);
        for (var i = 0; i < expected.Tiers.Count; i++)
        {
            var (e, a) = (expected.Tiers[i], actual.Tiers[i]);
            Assert.Equal((e.GetType(), e.Name, e.XMin, e.XMax), (a.GetType(), a.Name, a.XMin, a.XMax));
            if (e is IntervalTier ei) Assert.Equal(ei.Intervals, ((IntervalTier)a).Intervals);
            if (e is TextTier et) Assert.Equal(et.Points, ((TextTier)a).Points);
        }
    }
}
