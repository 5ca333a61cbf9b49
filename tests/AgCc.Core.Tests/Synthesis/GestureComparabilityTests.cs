using System.Text;
using AgCc.Core.Alignments;
using AgCc.Core.Landmarks;
using AgCc.Core.Synthesis;
using Xunit.Abstractions;

namespace AgCc.Core.Tests.Synthesis;

/// <summary>
/// Requirement (c): mouth gestures are comparable across the two corpora after the platform's
/// "face" normalisation, although camera, head pose, speakers and tracker differ. The landmarks
/// and alignments go through the real writers and readers (in memory), exactly as ingestion
/// reads the files; per phone, the mean normalised mouth shape of one corpus must be closer to
/// the same phone's in the other corpus than different phones are to each other.
/// </summary>
[Trait("Category", Categories.Unit)]
public sealed class GestureComparabilityTests(ITestOutputHelper output)
{
    private const int MinFrames = 20;

    // Phones whose lip shapes differ visibly (visemes): open, spread, rounded, closed.
    private static readonly string[] Visemes = ["AA", "IY", "UW", "M"];

    [Fact]
    public void The_same_phone_looks_alike_in_both_corpora_after_normalisation()
    {
        var corpora = SyntheticCorpora.Plan(SynthesisSizes.For(SynthesisPreset.Demo), seed: 42);
        var means = corpora.Select(MeanShapePerPhone).ToArray();
        var (a, b) = (means[0], means[1]);
        var phones = a.Keys.Intersect(b.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(phones.Count >= 25, $"only {phones.Count} phones with {MinFrames}+ frames in both corpora");

        var same = phones.ToDictionary(p => p, p => Distance(a[p], b[p]));
        var differentA = Pairs(phones).Select(q => Distance(a[q.P], a[q.Q])).ToList();
        var differentB = Pairs(phones).Select(q => Distance(b[q.P], b[q.Q])).ToList();
        output.WriteLine($"same phone across corpora: mean {same.Values.Average():F4}, max {same.Values.Max():F4} ({same.MaxBy(s => s.Value).Key})");
        output.WriteLine($"different phones within crema-d-synth: mean {differentA.Average():F4}; within msp-improv-synth: mean {differentB.Average():F4}");

        Assert.True(same.Values.Average() < 0.5 * differentA.Average(), "same-phone distance across corpora is not clearly below different-phone distance (crema-d-synth)");
        Assert.True(same.Values.Average() < 0.5 * differentB.Average(), "same-phone distance across corpora is not clearly below different-phone distance (msp-improv-synth)");

        foreach (var p in Visemes)
        {
            foreach (var q in Visemes.Where(q => q != p))
            {
                output.WriteLine($"{p}: across corpora {same[p]:F4}; {p}–{q} within {Distance(a[p], a[q]):F4} / {Distance(b[p], b[q]):F4}");
                Assert.True(same[p] < Distance(a[p], a[q]) && same[p] < Distance(b[p], b[q]), $"{p} across corpora is not closer than {p} and {q} within a corpus");
            }
        }
    }

    /// <summary>Mean "face"-normalised mouth (40 values) over the frames inside each phone.</summary>
    private static Dictionary<string, double[]> MeanShapePerPhone(SyntheticCorpus corpus)
    {
        // Every second utterance: the test's time budget.
        var chosen = corpus.Utterances.Where((_, i) => i % 2 == 0).ToList();
        var partial = new (Dictionary<string, double[]> Sum, Dictionary<string, int> Count)[chosen.Count];
        Parallel.For(0, chosen.Count, i =>
        {
            var plan = chosen[i];
            var (timing, frames) = corpus.RenderLandmarks(plan);
            var track = RoundTrip(frames, plan.Id);
            var alignment = RoundTrip(UtteranceRenderer.Alignment(timing, corpus.Profile.ExplicitSilences, timing.Duration), timing.Duration, plan.Id);
            var sum = new Dictionary<string, double[]>();
            var count = new Dictionary<string, int>();
            foreach (var phone in alignment.Phones)
            {
                for (var f = 0; f < track.FrameCount; f++)
                {
                    var t = track.Timestamps[f];
                    if (t < phone.Start || t >= phone.End || !track.HasValues(f)) continue;
                    var acc = sum.TryGetValue(phone.Label, out var s) ? s : sum[phone.Label] = new double[MouthTrack.ValuesPerFrame];
                    var values = track.Frame(f);
                    for (var j = 0; j < acc.Length; j++) acc[j] += values[j];
                    count[phone.Label] = count.GetValueOrDefault(phone.Label) + 1;
                }
            }
            partial[i] = (sum, count);
        });
        var total = new Dictionary<string, double[]>();
        var n = new Dictionary<string, int>();
        foreach (var (sum, count) in partial)
        {
            foreach (var (phone, s) in sum)
            {
                var acc = total.TryGetValue(phone, out var t) ? t : total[phone] = new double[s.Length];
                for (var j = 0; j < s.Length; j++) acc[j] += s[j];
                n[phone] = n.GetValueOrDefault(phone) + count[phone];
            }
        }
        return total.Where(p => n[p.Key] >= MinFrames).ToDictionary(p => p.Key, p => p.Value.Select(v => v / n[p.Key]).ToArray());
    }

    private static MouthTrack RoundTrip(IReadOnlyList<OpenFaceFrame> frames, string id)
    {
        using var stream = new MemoryStream();
        OpenFaceCsvWriter.Write(stream, frames);
        stream.Position = 0;
        return OpenFaceCsvReader.Read(stream, id + ".csv");
    }

    private static PhoneAlignment RoundTrip(PhoneAlignment alignment, double duration, string id) =>
        TextGridReader.ParseAlignment(Encoding.UTF8.GetBytes(TextGridWriter.Format(AlignmentGrid.ToTextGrid(alignment, duration))), id + ".TextGrid");

    private static IEnumerable<(string P, string Q)> Pairs(IReadOnlyList<string> phones) =>
        from p in phones from q in phones where string.CompareOrdinal(p, q) < 0 select (p, q);

    private static double Distance(double[] x, double[] y) => Math.Sqrt(x.Zip(y, (u, v) => (u - v) * (u - v)).Sum());
}
