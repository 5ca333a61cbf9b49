using AgCc.Core.Training.Config;

namespace AgCc.Core.Experiments;

/// <summary>A cell of the grid (a row of the results table): one task, one direction, one method; its runs differ only in the seed.</summary>
public sealed record ExperimentCell(
    string Task,
    string Source,
    string Target,
    TrainingMethod Method);
