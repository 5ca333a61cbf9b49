using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Grains.Experiments;
using AgCc.Core.Features;
using AgCc.Grains.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AgCc.Grains.Tests;

/// <summary>
/// Grain state through the silo's own grain-storage serializer (JSON with type names, as the Azure
/// blob storage writes it): what a new activation on another silo reads back must equal what was
/// written. In-memory storage in the other grain tests never takes this path.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class GrainStateStorageTests(ClusterFixture fixture)
{
    private IGrainStorageSerializer Serializer => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IGrainStorageSerializer>();

    [Fact]
    public void A_feature_set_state_reads_back_as_written()
    {
        var written = new FeatureSetState
        {
            Spec = FeatureSpec.Wav2Vec2("/models/wav2vec2-base", "3-8", FeatureNormalization.Corpus),
            Generation = 2,
            Stage = FeatureSetStage.Extracting,
            CorpusBatches = ["corpora/a/g1/batches/00000.bin"],
            BatchesDone = 1,
            Shape = new FeatureSetShape(1, 768, 50, 0.01246875),
            Sum = [1.5, -2],
            SumOfSquares = [4, 8],
            Elapsed = TimeSpan.FromSeconds(3.5),
            Rejections = ["u1: too short"],
        };

        var read = Serializer.Deserialize<FeatureSetState>(Serializer.Serialize(written));

        Assert.NotNull(read);
        Assert.Equal(written.Spec, read.Spec);
        Assert.Equal(written.Spec!.Key, read.Spec!.Key);
        Assert.Equal((written.Generation, written.Stage, written.BatchesDone, written.Shape, written.Elapsed), (read.Generation, read.Stage, read.BatchesDone, read.Shape, read.Elapsed));
        Assert.Equal(written.CorpusBatches, read.CorpusBatches);
        Assert.Equal(written.Sum, read.Sum);
        Assert.Equal(written.SumOfSquares, read.SumOfSquares);
        Assert.Equal(written.Rejections, read.Rejections);
    }

    [Fact]
    public void An_experiment_state_reads_back_as_written()
    {
        var cell = new ExperimentCell("4class", "a", "b", TrainingMethod.AgCc);
        var written = new ExperimentGrainState
        {
            Config = "{}",
            ConfigHash = "abc",
            Stage = ExperimentStage.Running,
            Runs =
            [
                new ExperimentRunOutcome(cell, 3, "run-1", ExperimentRunOutcome.Completed, 12, 12, new RunScores(0.5, 0.6, 0.4, ["x", "y"], [0.25, 0.75]), null),
                new ExperimentRunOutcome(cell with { Method = TrainingMethod.Baseline }, 3, "run-2", ExperimentRunOutcome.Failed, 2, 12, null, "out of memory"),
            ],
            Clustering = "run-0123",
            Analysis = [new AnchorAgreement("4class", ["x", "y"], ["a", "b"], [new AnchorDistribution("0", [[1, 2], [3, 4]], false, null)], [new AnchorDistribution("aa", [[5, 6], [7, 8]], true, 0.01)], null, 0.01, 36)],
            StartedAt = DateTimeOffset.UnixEpoch,
        };

        var read = Serializer.Deserialize<ExperimentGrainState>(Serializer.Serialize(written));

        Assert.NotNull(read);
        Assert.Equal((written.Config, written.ConfigHash, written.Stage, written.Clustering, written.StartedAt), (read.Config, read.ConfigHash, read.Stage, read.Clustering, read.StartedAt));
        Assert.Equal(written.Runs.Select(r => (r.Cell, r.Seed, r.RunId, r.State, r.Epoch, r.Failure, r.Scores?.Uar)), read.Runs.Select(r => (r.Cell, r.Seed, r.RunId, r.State, r.Epoch, r.Failure, r.Scores?.Uar)));
        Assert.Equal(written.Runs[0].Scores!.PerClassRecall, read.Runs[0].Scores!.PerClassRecall);
        var analysis = Assert.Single(read.Analysis);
        Assert.Equal(written.Analysis[0].Phones[0].Counts, analysis.Phones[0].Counts);
        Assert.Equal((0.01, 36), (analysis.Phones[0].JensenShannon!.Value, analysis.Segments));
    }
}
