using AgCc.Core.Corpora;
using AgCc.Core.Features;

namespace AgCc.Core.Training.Data;

/// <summary>An ingested utterance's speaker and emotion with its features.</summary>
public sealed record LabelledFeatures(string Speaker, Emotion Emotion, UtteranceFeatures Features);

/// <summary>A corpus's features, as a feature set (grains) or `agcc train`'s cache gives them.</summary>
public sealed record CorpusFeatures(string Name, FeatureLayout Layout, IReadOnlyList<LabelledFeatures> Utterances);

/// <summary>One gesture segment's AG cluster and soft membership p(cluster | segment), located by corpus, utterance and time.</summary>
public sealed record GestureAnchor(string Corpus, string Utterance, double Start, double End, int Cluster, double Membership);
