using System.Globalization;
using System.Text;
using AgCc.Core.Corpora;

namespace AgCc.Core.Synthesis;

/// <summary>
/// A corpus modelled on MSP-IMPROV: sessions 1…n, each with one female (F0n) and one male (M0n)
/// speaker improvising scenarios built around 20 target sentences × 4 target emotions (the
/// `S01A` part of the id). Each speaker's turns are split over the conditions P (the target
/// sentence inside the improvisation), R (read), S (other improvised turns) and T (natural
/// interaction between takes); P and R say the target sentence with the target emotion, S and T
/// mostly say conversational phrases with emotions drawn from the corpus's skewed distribution
/// (neutral and happy dominate), leaning to the scenario's emotion. 5–8 raters label each turn;
/// the consensus is the majority label (O when the majority says other, X without a majority).
/// </summary>
public sealed class MspImprovLikeCorpus : SyntheticCorpus
{
    private static readonly (Emotion Emotion, char Code, string Word)[] Categories =
    [
        (Emotion.Anger, 'A', "Angry"), (Emotion.Happiness, 'H', "Happy"), (Emotion.Sadness, 'S', "Sad"),
        (Emotion.Neutral, 'N', "Neutral"), (Emotion.Other, 'O', "Other"),
    ];

    // Spontaneous-turn emotions (A, H, S, N, O): the real corpus is mostly neutral and happy.
    private static readonly double[] RealisticMix = [0.015, 0.39, 0.03, 0.505, 0.06];
    private static readonly double[] BalancedMix = [0.16, 0.28, 0.16, 0.34, 0.06];

    // Mean arousal, valence, dominance (1–5) a rater gives with each category.
    private static readonly (double A, double V, double D)[] Dimensions =
        [(4.0, 1.8, 3.9), (3.5, 4.3, 3.4), (2.1, 1.9, 2.3), (2.7, 3.0, 3.0), (3.2, 2.6, 3.0)];

    private readonly List<PlannedUtterance> _utterances = [];
    private readonly Dictionary<string, Evaluation> _evaluations = new(StringComparer.Ordinal);

    public const string AudioFolder = "Audio";
    public const string EvaluationFile = "Evaluation.txt";

    public override IReadOnlyList<PlannedUtterance> Utterances => _utterances;

    private sealed record Rating(int Rater, int Category, int A, int V, int D);

    private sealed record Evaluation(char Consensus, IReadOnlyList<Rating> Ratings);

    public MspImprovLikeCorpus(SynthesisSizes sizes, int seed) : base(CorpusProfile.MspImprov(sizes, seed), seed)
    {
        var rng = new Prng(Prng.Derive(seed, Name, "plan"));
        var mix = sizes.BalancedEmotions ? BalancedMix : RealisticMix;
        var planned = new List<PlannedUtterance>();
        var speakers = 2 * sizes.MspSessions;
        for (var s = 0; s < speakers; s++)
        {
            var session = s / 2 + 1;
            var female = s % 2 == 0;
            var speakerId = $"{(female ? 'F' : 'M')}{session:00}";
            var speaker = SpeakerProfile.Create(speakerId, female, Prng.Derive(seed, Name, "speaker", speakerId));
            var count = sizes.MspUtterances / speakers + (s < sizes.MspUtterances % speakers ? 1 : 0);
            var c = sizes.MspConditions;
            var total = c.P + c.R + c.S + c.T;
            var nP = (int)Math.Round(count * c.P / total);
            var nR = (int)Math.Round(count * c.R / total);
            var nS = (int)Math.Round(count * c.S / total);
            var nT = Math.Max(0, count - nP - nR - nS);
            var turns = new Dictionary<string, int>(StringComparer.Ordinal);
            var scripted = Scenarios(ref rng);
            for (var i = 0; i < nP; i++) planned.Add(Turn(speaker, session, 'P', scripted[i % scripted.Count], turns, mix, ref rng));
            scripted = Scenarios(ref rng);
            for (var i = 0; i < nR; i++) planned.Add(Turn(speaker, session, 'R', scripted[i % scripted.Count], turns, mix, ref rng));
            for (var i = 0; i < nS; i++) planned.Add(Turn(speaker, session, 'S', RandomScenario(ref rng), turns, mix, ref rng));
            for (var i = 0; i < nT; i++) planned.Add(Turn(speaker, session, 'T', RandomScenario(ref rng), turns, mix, ref rng));
        }
        _utterances.AddRange(planned.OrderBy(u => u.Id, StringComparer.Ordinal));
    }

    private static List<(int Sentence, int Emotion)> Scenarios(ref Prng rng)
    {
        var all = new List<(int, int)>();
        for (var sentence = 1; sentence <= 20; sentence++)
            for (var emotion = 0; emotion < 4; emotion++) all.Add((sentence, emotion));
        rng.Shuffle(all);
        return all;
    }

    private static (int Sentence, int Emotion) RandomScenario(ref Prng rng) => (rng.NextInt(1, 21), rng.NextInt(4));

    private PlannedUtterance Turn(
        SpeakerProfile speaker, int session, char condition, (int Sentence, int Emotion) scenario,
        Dictionary<string, int> turns, double[] mix, ref Prng rng)
    {
        var scenarioCode = $"S{scenario.Sentence:00}{Categories[scenario.Emotion].Code}";
        var key = $"{scenarioCode}-{condition}";
        var turn = turns[key] = turns.GetValueOrDefault(key) + 1;
        var dyad = speaker.Id[0] == 'F' ? "FM" : "MF";
        var id = $"MSP-IMPROV-{scenarioCode}-{speaker.Id}-{condition}-{dyad}{turn:00}";

        // What is actually expressed: the target for scripted turns, mostly the corpus mix otherwise.
        var leanToScenario = condition switch { 'P' or 'R' => 0.88, 'S' => 0.35, _ => 0.15 };
        int category;
        if (rng.Chance(leanToScenario)) category = scenario.Emotion;
        else if (condition is 'P' or 'R') category = 3; // a flat reading
        else category = rng.Pick(mix);
        var emotion = Categories[category].Emotion;

        var target = SentenceBank.MspTargets[scenario.Sentence - 1];
        IReadOnlyList<string> words = condition switch
        {
            'P' or 'R' => target.Words,
            'S' when rng.Chance(0.25) => target.Words,
            _ => Phrases(rng.Chance(condition == 'S' ? 0.45 : 0.35) ? 2 : 1, ref rng),
        };
        // Acted targets are the most expressive, natural interaction the least.
        var expressiveness = Profile.Expressiveness * speaker.Expressiveness * rng.Uniform(0.85, 1.15)
            * condition switch { 'P' or 'R' => 1.1, 'S' => 1.0, _ => 0.85 };

        var evaluation = Evaluate(category, condition is 'P' or 'R' ? 0.85 : 0.8, ref rng);
        _evaluations[id] = evaluation;
        Emotion? label = evaluation.Consensus == 'X' ? null : Categories.First(c => c.Code == evaluation.Consensus).Emotion;
        var path = Path.Combine(AudioFolder, $"session{session}", scenarioCode, condition.ToString(), id + ".wav");
        return new PlannedUtterance(id, path, speaker, emotion, expressiveness, words, label);
    }

    private static string[] Phrases(int count, ref Prng rng)
    {
        var words = new List<string>();
        for (var i = 0; i < count; i++) words.AddRange(SentenceBank.Phrases[rng.NextInt(SentenceBank.Phrases.Count)].Words);
        return words.ToArray();
    }

    /// <summary>5–8 raters; each names the expressed category with probability p, else another (often other or neutral).</summary>
    private static Evaluation Evaluate(int category, double p, ref Prng rng)
    {
        var raters = 5 + rng.NextInt(4);
        var pool = Enumerable.Range(1, 40).ToList();
        rng.Shuffle(pool);
        var ratings = new List<Rating>(raters);
        Span<int> votes = stackalloc int[Categories.Length];
        for (var r = 0; r < raters; r++)
        {
            var vote = category;
            if (!rng.Chance(p))
            {
                Span<double> weights = [1, 1, 1, 1.6, 1.4];
                weights[category] = 0;
                vote = rng.Pick(weights);
            }
            votes[vote]++;
            var (a, v, d) = Dimensions[vote];
            ratings.Add(new Rating(pool[r], vote, Score(a, ref rng), Score(v, ref rng), Score(d, ref rng)));
        }
        var winner = 0;
        for (var k = 1; k < votes.Length; k++) if (votes[k] > votes[winner]) winner = k;
        var consensus = 2 * votes[winner] > raters ? Categories[winner].Code : 'X';
        return new Evaluation(consensus, ratings.OrderBy(r => r.Rater).ToList());
    }

    private static int Score(double mean, ref Prng rng) => (int)Math.Clamp(Math.Round(rng.Gaussian(mean, 0.7)), 1, 5);

    /// <summary>
    /// `Evaluation.txt`: per turn a consensus line
    /// `UTD-IMPROV-S01A-F01-P-FM01.avi; A; A:3.2; V:2.0; D:3.0; N:5;` (means of the raters), one
    /// line per rater (`Ra03; Angry; A:3.0; V:2.0; D:3.0;`) and a blank line.
    /// </summary>
    public override void WriteLabels(string root)
    {
        var text = new StringBuilder();
        foreach (var u in _utterances)
        {
            var e = _evaluations[u.Id];
            var n = e.Ratings.Count;
            text.Append(CultureInfo.InvariantCulture,
                $"UTD-IMPROV-{u.Id["MSP-IMPROV-".Length..]}.avi; {e.Consensus}; A:{Mean(e, r => r.A)}; V:{Mean(e, r => r.V)}; D:{Mean(e, r => r.D)}; N:{n};\n");
            foreach (var r in e.Ratings)
                text.Append(CultureInfo.InvariantCulture,
                    $"Ra{r.Rater:00}; {Categories[r.Category].Word}; A:{r.A:0.0}; V:{r.V:0.0}; D:{r.D:0.0};\n");
            text.Append('\n');
        }
        File.WriteAllText(Path.Combine(root, EvaluationFile), text.ToString(), new UTF8Encoding(false));
    }

    private static string Mean(Evaluation e, Func<Rating, int> value) =>
        e.Ratings.Average(value).ToString("0.0###", CultureInfo.InvariantCulture);
}
