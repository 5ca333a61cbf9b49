using AgCc.Core.Alignments;
using AgCc.Core.Corpora.Labels;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Training.Data;

/// <summary>
/// Turns a run's two corpora (features with speakers and emotions) and, for AG-CC, the gesture
/// clustering's anchors into <see cref="TrainingData"/>: labels in the run's task, and per
/// utterance the segments its method anchors on, mapped to feature frames.
/// </summary>
/// <remarks>
/// Source utterances whose emotion the task leaves out are dropped (they have no class to learn).
/// Every target utterance is kept for anchoring, whatever its emotion, because choosing them by
/// label would read target labels in training; evaluation uses those the task covers.
/// </remarks>
public static class TrainingDataBuilder
{
    public static TrainingData Build(RunConfig config, CorpusFeatures source, CorpusFeatures target, IReadOnlyList<GestureAnchor>? gestures, LabelMaps? labels = null)
    {
        if (source.Layout != target.Layout)
            throw new InvalidDataException($"the corpora's features differ in shape: {source.Name} has {source.Layout}, {target.Name} {target.Layout}");
        var maps = labels ?? LabelMaps.BuiltIn;
        var anchors = Anchors.For(config, source, target, gestures);

        var sourceTask = maps.Task(config.Task, source.Name);
        var sourceUtterances = new List<TrainingUtterance>();
        foreach (var u in source.Utterances)
            if (sourceTask.Classify(u.Emotion) is { } label)
                sourceUtterances.Add(new TrainingUtterance(u.Features.Utterance, u.Speaker, label, u.Features.Frames, u.Features.Values, anchors.SegmentsOf(source.Name, u)));

        var targetTask = maps.Task(config.Task, target.Name);
        var targetUtterances = target.Utterances
            .Select(u => new TrainingUtterance(u.Features.Utterance, u.Speaker, -1, u.Features.Frames, u.Features.Values, anchors.SegmentsOf(target.Name, u)))
            .ToList();
        var targetLabels = target.Utterances.Select(u => targetTask.Classify(u.Emotion) ?? -1).ToArray();

        if (sourceUtterances.Count == 0) throw new InvalidDataException($"{source.Name} has no utterance of the task '{config.Task}' ({string.Join(", ", sourceTask.Classes)})");
        if (targetLabels.All(l => l < 0)) throw new InvalidDataException($"{target.Name} has no utterance of the task '{config.Task}' to evaluate on");

        return new TrainingData(
            new TrainingCorpus(source.Name, sourceUtterances, [.. sourceUtterances.Select(u => u.Label)]),
            new TrainingCorpus(target.Name, targetUtterances, targetLabels),
            source.Layout.Planes, source.Layout.Dimensions, sourceTask.Classes, anchors.Names, anchors.Common);
    }

    /// <summary>The method's anchor ids and each utterance's anchored segments.</summary>
    private sealed class Anchors
    {
        private readonly Func<string, LabelledFeatures, TrainingSegment[]> segments;

        private Anchors(IReadOnlyList<string> names, bool[] common, Func<string, LabelledFeatures, TrainingSegment[]> segments)
        {
            Names = names;
            Common = common;
            this.segments = segments;
        }

        public IReadOnlyList<string> Names { get; }

        public bool[] Common { get; }

        public TrainingSegment[] SegmentsOf(string corpus, LabelledFeatures utterance) => segments(corpus, utterance);

        public static Anchors For(RunConfig config, CorpusFeatures source, CorpusFeatures target, IReadOnlyList<GestureAnchor>? gestures) => config.Method switch
        {
            TrainingMethod.PaCc => Phones(config, source, target),
            TrainingMethod.AgCc => Gestures(config, source, target,
                gestures ?? throw new ArgumentException("AG-CC needs the gesture clustering's anchors", nameof(gestures))),
            _ => new Anchors([], [], (_, _) => []),
        };

        /// <summary>PA-CC: phone identities in the configured set; a phone is common when both corpora say it.</summary>
        private static Anchors Phones(RunConfig config, CorpusFeatures source, CorpusFeatures target)
        {
            var set = PhoneSet.Parse(config.Anchor.Phones);
            bool Keep(string phone) => set is null || set.Contains(phone);
            HashSet<string> Said(CorpusFeatures corpus) =>
                [.. corpus.Utterances.SelectMany(u => u.Features.Phones).Select(p => MfaLabels.PhoneIdentity(p.Phone)).Where(Keep)];
            var (inSource, inTarget) = (Said(source), Said(target));
            var names = inSource.Union(inTarget).Order(StringComparer.Ordinal).ToArray();
            var ids = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
            var common = names.Select(n => inSource.Contains(n) && inTarget.Contains(n)).ToArray();
            return new Anchors(names, common, (_, u) =>
            [
                .. u.Features.Phones
                    .Where(p => p.EndFrame > p.FirstFrame && ids.ContainsKey(MfaLabels.PhoneIdentity(p.Phone)))
                    .Select(p => new TrainingSegment(p.FirstFrame, p.EndFrame, ids[MfaLabels.PhoneIdentity(p.Phone)], 1.0)),
            ]);
        }

        /// <summary>AG-CC: each gesture segment's hard cluster and its membership; a cluster is common when both corpora have segments in it.</summary>
        private static Anchors Gestures(RunConfig config, CorpusFeatures source, CorpusFeatures target, IReadOnlyList<GestureAnchor> gestures)
        {
            var k = config.Gestures.Clusters;
            var byUtterance = gestures
                .Where(g => g.Corpus == source.Name || g.Corpus == target.Name)
                .GroupBy(g => (g.Corpus, g.Utterance))
                .ToDictionary(g => g.Key, g => g.ToArray());
            var bad = gestures.FirstOrDefault(g => g.Cluster < 0 || g.Cluster >= k);
            if (bad is not null) throw new InvalidDataException($"gesture anchor of {bad.Corpus}/{bad.Utterance} has cluster {bad.Cluster}, outside 0..{k - 1}");
            var inSource = gestures.Where(g => g.Corpus == source.Name).Select(g => g.Cluster).ToHashSet();
            var inTarget = gestures.Where(g => g.Corpus == target.Name).Select(g => g.Cluster).ToHashSet();
            var common = Enumerable.Range(0, k).Select(c => inSource.Contains(c) && inTarget.Contains(c)).ToArray();
            var timing = source.Layout.Timing;
            return new Anchors([.. Enumerable.Range(0, k).Select(c => $"AG{c}")], common, (corpus, u) =>
            {
                if (!byUtterance.TryGetValue((corpus, u.Features.Utterance), out var mine)) return [];
                return
                [
                    .. mine.Select(g =>
                    {
                        var (first, end) = timing.Frames(g.Start, g.End, u.Features.Frames);
                        return new TrainingSegment(first, end, g.Cluster, g.Membership);
                    }).Where(s => s.EndFrame > s.FirstFrame),
                ];
            });
        }
    }
}
