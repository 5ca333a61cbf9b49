using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;

namespace AgCc.Grains.Experiments;

// core/ knows nothing of Orleans: the experiment's records cross the wire (and sit in grain state)
// through these surrogates. The results table is not among them: it is computed from the runs'
// outcomes (ExperimentAggregation) wherever it is shown, so every view shows the same table.

[GenerateSerializer]
public struct ExperimentCellSurrogate
{
    [Id(0)] public string Task;
    [Id(1)] public string Source;
    [Id(2)] public string Target;
    [Id(3)] public TrainingMethod Method;
}

[RegisterConverter]
public sealed class ExperimentCellConverter : IConverter<ExperimentCell, ExperimentCellSurrogate>
{
    public ExperimentCell ConvertFromSurrogate(in ExperimentCellSurrogate s) => new(s.Task, s.Source, s.Target, s.Method);

    public ExperimentCellSurrogate ConvertToSurrogate(in ExperimentCell c) => new() { Task = c.Task, Source = c.Source, Target = c.Target, Method = c.Method };
}

[GenerateSerializer]
public struct RunScoresSurrogate
{
    [Id(0)] public double Uar;
    [Id(1)] public double WeightedAccuracy;
    [Id(2)] public double MacroF1;
    [Id(3)] public string[] Classes;
    [Id(4)] public double[] PerClassRecall;
}

[RegisterConverter]
public sealed class RunScoresConverter : IConverter<RunScores, RunScoresSurrogate>
{
    public RunScores ConvertFromSurrogate(in RunScoresSurrogate s) => new(s.Uar, s.WeightedAccuracy, s.MacroF1, s.Classes, s.PerClassRecall);

    public RunScoresSurrogate ConvertToSurrogate(in RunScores r) => new()
    {
        Uar = r.Uar, WeightedAccuracy = r.WeightedAccuracy, MacroF1 = r.MacroF1, Classes = r.Classes, PerClassRecall = r.PerClassRecall,
    };
}

[GenerateSerializer]
public struct ExperimentRunOutcomeSurrogate
{
    [Id(0)] public ExperimentCell Cell;
    [Id(1)] public long Seed;
    [Id(2)] public string RunId;
    [Id(3)] public string State;
    [Id(4)] public int Epoch;
    [Id(5)] public int Epochs;
    [Id(6)] public RunScores? Scores;
    [Id(7)] public string? Failure;
}

[RegisterConverter]
public sealed class ExperimentRunOutcomeConverter : IConverter<ExperimentRunOutcome, ExperimentRunOutcomeSurrogate>
{
    public ExperimentRunOutcome ConvertFromSurrogate(in ExperimentRunOutcomeSurrogate s) =>
        new(s.Cell, s.Seed, s.RunId, s.State, s.Epoch, s.Epochs, s.Scores, s.Failure);

    public ExperimentRunOutcomeSurrogate ConvertToSurrogate(in ExperimentRunOutcome o) => new()
    {
        Cell = o.Cell, Seed = o.Seed, RunId = o.RunId, State = o.State, Epoch = o.Epoch, Epochs = o.Epochs, Scores = o.Scores, Failure = o.Failure,
    };
}

[GenerateSerializer]
public struct AnchorDistributionSurrogate
{
    [Id(0)] public string Anchor;
    [Id(1)] public int[][] Counts;
    [Id(2)] public bool Common;
    [Id(3)] public double? JensenShannon;
}

[RegisterConverter]
public sealed class AnchorDistributionConverter : IConverter<AnchorDistribution, AnchorDistributionSurrogate>
{
    public AnchorDistribution ConvertFromSurrogate(in AnchorDistributionSurrogate s) => new(s.Anchor, s.Counts, s.Common, s.JensenShannon);

    public AnchorDistributionSurrogate ConvertToSurrogate(in AnchorDistribution d) => new() { Anchor = d.Anchor, Counts = d.Counts, Common = d.Common, JensenShannon = d.JensenShannon };
}

[GenerateSerializer]
public struct AnchorAgreementSurrogate
{
    [Id(0)] public string Task;
    [Id(1)] public string[] Classes;
    [Id(2)] public string[] Corpora;
    [Id(3)] public AnchorDistribution[] Clusters;
    [Id(4)] public AnchorDistribution[] Phones;
    [Id(5)] public double? MeanClusterDivergence;
    [Id(6)] public double? MeanPhoneDivergence;
    [Id(7)] public int Segments;
}

[RegisterConverter]
public sealed class AnchorAgreementConverter : IConverter<AnchorAgreement, AnchorAgreementSurrogate>
{
    public AnchorAgreement ConvertFromSurrogate(in AnchorAgreementSurrogate s) =>
        new(s.Task, s.Classes, s.Corpora, s.Clusters, s.Phones, s.MeanClusterDivergence, s.MeanPhoneDivergence, s.Segments);

    public AnchorAgreementSurrogate ConvertToSurrogate(in AnchorAgreement a) => new()
    {
        Task = a.Task, Classes = a.Classes, Corpora = a.Corpora, Clusters = a.Clusters, Phones = a.Phones,
        MeanClusterDivergence = a.MeanClusterDivergence, MeanPhoneDivergence = a.MeanPhoneDivergence, Segments = a.Segments,
    };
}
