using AgCc.Core.Torch.Training.Losses;
using TorchSharp;
using Xunit.Abstractions;

namespace AgCc.Core.Tests.Training;

/// <summary>
/// The anchor losses against plain loop-based PyTorch 1.13 in float64
/// (Fixtures/Losses/make_loss_fixtures.py): soft triplet loss, its gradient w.r.t. the raw
/// embeddings and its valid / active triplet counts (no valid triplet, weights 1, soft weights,
/// non-common clusters, margin 0.5 with norms far from 1); Deep CORAL and its gradients for one
/// layer, several layers as one group and two-item batches; all within 1e-10. Also: chunking over
/// anchors changes nothing, degenerate batches give a zero that backward runs through, float32
/// works, and the live tensor count stays flat over repeated training-like steps.
/// </summary>
[Trait("Category", Categories.Unit)]
public class LossTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-10;

    public static TheoryData<string> TripletCases => [.. LossFixtures.Triplets.Keys];

    public static TheoryData<string> CoralCases => [.. LossFixtures.Corals.Keys];

    [Fact]
    public void Fixture_holds_the_cases_the_brief_asks_for()
    {
        Assert.Equal(["triplet_none", "triplet_hard", "triplet_soft", "triplet_uncommon", "triplet_margin"], LossFixtures.Triplets.Keys);
        Assert.Equal(0, LossFixtures.Triplets["triplet_none"].ValidTriplets);
        Assert.All(LossFixtures.Triplets["triplet_hard"].Weight, w => Assert.Equal(1.0, w));
        Assert.Contains(false, LossFixtures.Triplets["triplet_uncommon"].Common);
        Assert.Equal(["coral_single", "coral_layers", "coral_two_items"], LossFixtures.Corals.Keys);
    }

    [Theory]
    [MemberData(nameof(TripletCases))]
    public void Soft_triplet_loss_and_gradient_match_pytorch(string name)
    {
        var c = LossFixtures.Triplets[name];
        using var scope = torch.NewDisposeScope();
        var embeddings = LossFixtures.Leaf(c.Embeddings);
        var result = new SoftTripletLoss(c.Margin).Forward(embeddings, c.IsTarget, c.Cluster, c.Weight, c.Common);
        result.Loss.backward();

        var lossError = LossFixtures.Error(result.Loss.item<double>(), c.Loss);
        var gradError = LossFixtures.Error(embeddings.grad!, c.Gradient);
        output.WriteLine($"{name}: loss {result.Loss.item<double>():R} (error {lossError:E2}), gradient error {gradError:E2}, valid {result.ValidTriplets}, active {result.ActiveTriplets}");
        Assert.True(lossError <= Tolerance, $"loss error {lossError:E2}");
        Assert.True(gradError <= Tolerance, $"gradient error {gradError:E2}");
        Assert.Equal(c.ValidTriplets, result.ValidTriplets);
        Assert.Equal(c.ActiveTriplets, result.ActiveTriplets);
    }

    [Theory]
    [MemberData(nameof(CoralCases))]
    public void Deep_coral_loss_and_gradients_match_pytorch(string name)
    {
        var c = LossFixtures.Corals[name];
        using var scope = torch.NewDisposeScope();
        var layers = Enumerable.Range(0, c.Layers).Select(l => (Source: LossFixtures.Leaf(c.Source(l)), Target: LossFixtures.Leaf(c.Target(l)))).ToList();
        var loss = DeepCoralLoss.Forward(layers);
        loss.backward();

        var lossError = LossFixtures.Error(loss.item<double>(), c.Loss);
        var gradError = Enumerable.Range(0, c.Layers).Max(l => Math.Max(
            LossFixtures.Error(layers[l].Source.grad!, c.SourceGradient(l)), LossFixtures.Error(layers[l].Target.grad!, c.TargetGradient(l))));
        output.WriteLine($"{name}: loss {loss.item<double>():R} (error {lossError:E2}), gradient error {gradError:E2}");
        Assert.True(lossError <= Tolerance, $"loss error {lossError:E2}");
        Assert.True(gradError <= Tolerance, $"gradient error {gradError:E2}");
    }

    [Fact]
    public void Deep_coral_of_one_layer_pair_is_the_two_tensor_overload()
    {
        var c = LossFixtures.Corals["coral_single"];
        using var scope = torch.NewDisposeScope();
        var source = LossFixtures.Leaf(c.Source(0));
        var target = LossFixtures.Leaf(c.Target(0));
        Assert.Equal(DeepCoralLoss.Forward(source, target).item<double>(), DeepCoralLoss.Forward([(source, target)]).item<double>());
    }

    [Fact]
    public void Chunking_over_anchors_gives_the_result_of_one_chunk()
    {
        var c = LossFixtures.Triplets["triplet_margin"];
        var sources = c.IsTarget.Count(t => !t);
        var anchors = c.IsTarget.Where((t, i) => t && c.Common[c.Cluster[i]]).Count();
        var dim = c.Embeddings.Shape[1];
        var whole = new SoftTripletLoss(c.Margin, long.MaxValue);
        var single = new SoftTripletLoss(c.Margin, 1);
        var three = new SoftTripletLoss(c.Margin, 3 * 8L * (sources * dim + 10L * sources));
        Assert.True(whole.AnchorsPerChunk(sources, dim, 8) >= anchors);
        Assert.Equal(1, single.AnchorsPerChunk(sources, dim, 8));
        Assert.Equal(3, three.AnchorsPerChunk(sources, dim, 8));

        using var scope = torch.NewDisposeScope();
        (double Loss, torch.Tensor Grad, long Valid, long Active) Run(SoftTripletLoss loss)
        {
            var embeddings = LossFixtures.Leaf(c.Embeddings);
            var result = loss.Forward(embeddings, c.IsTarget, c.Cluster, c.Weight, c.Common);
            result.Loss.backward();
            return (result.Loss.item<double>(), embeddings.grad!, result.ValidTriplets, result.ActiveTriplets);
        }
        var reference = Run(whole);
        foreach (var chunked in new[] { Run(single), Run(three) })
        {
            var gradError = (chunked.Grad - reference.Grad).abs().max().item<double>();
            output.WriteLine($"chunked vs one chunk ({anchors} anchors): loss difference {Math.Abs(chunked.Loss - reference.Loss):E2}, gradient {gradError:E2}");
            Assert.Equal(reference.Loss, chunked.Loss, 1e-14);
            Assert.True(gradError <= 1e-14, $"gradient difference {gradError:E2}");
            Assert.Equal(reference.Valid, chunked.Valid);
            Assert.Equal(reference.Active, chunked.Active);
        }
    }

    [Theory]
    [InlineData("no target", new[] { false, false, false, false })]
    [InlineData("no source", new[] { true, true, true, true })]
    [InlineData("one cluster", new[] { true, false, true, false })]
    public void Batches_without_a_triplet_give_a_zero_that_backward_runs_through(string why, bool[] isTarget)
    {
        using var scope = torch.NewDisposeScope();
        var embeddings = torch.randn(4, 3, dtype: torch.ScalarType.Float64).requires_grad_();
        var result = new SoftTripletLoss().Forward(embeddings, isTarget, [0, 0, 0, 0], [1.0, 1, 1, 1], [true, true]);
        result.Loss.backward();
        Assert.True(result.Loss.requires_grad, why);
        Assert.Equal(0.0, result.Loss.item<double>());
        Assert.Equal(0, result.ValidTriplets);
        Assert.Equal(0, result.ActiveTriplets);
        Assert.Equal(0.0, embeddings.grad!.abs().max().item<double>());
    }

    [Fact]
    public void Zero_weights_give_a_zero_loss_but_count_their_triplets()
    {
        var c = LossFixtures.Triplets["triplet_soft"];
        using var scope = torch.NewDisposeScope();
        var embeddings = LossFixtures.Leaf(c.Embeddings);
        var result = new SoftTripletLoss(c.Margin).Forward(embeddings, c.IsTarget, c.Cluster, new double[c.Weight.Length], c.Common);
        result.Loss.backward();
        Assert.Equal(0.0, result.Loss.item<double>());
        Assert.Equal(c.ValidTriplets, result.ValidTriplets);
        Assert.Equal(0.0, embeddings.grad!.abs().max().item<double>());
    }

    [Fact]
    public void Float32_agrees_with_the_float64_reference()
    {
        var c = LossFixtures.Triplets["triplet_uncommon"];
        using var scope = torch.NewDisposeScope();
        var embeddings = LossFixtures.Leaf(c.Embeddings, torch.ScalarType.Float32);
        var result = new SoftTripletLoss(c.Margin).Forward(embeddings, c.IsTarget, c.Cluster, c.Weight, c.Common);
        result.Loss.backward();
        Assert.Equal(torch.ScalarType.Float32, result.Loss.dtype);
        Assert.True(LossFixtures.Error(result.Loss.item<float>(), c.Loss) <= 1e-5);
        Assert.True(LossFixtures.Error(embeddings.grad!, c.Gradient) <= 1e-5);

        var coral = LossFixtures.Corals["coral_layers"];
        var layers = Enumerable.Range(0, coral.Layers).Select(l => (LossFixtures.Leaf(coral.Source(l), torch.ScalarType.Float32), LossFixtures.Leaf(coral.Target(l), torch.ScalarType.Float32))).ToList();
        Assert.True(LossFixtures.Error(DeepCoralLoss.Forward(layers).item<float>(), coral.Loss) <= 1e-5);
    }

    [Fact]
    public void Bad_inputs_are_refused_with_their_name()
    {
        using var scope = torch.NewDisposeScope();
        var embeddings = torch.randn(4, 3, dtype: torch.ScalarType.Float64);
        var loss = new SoftTripletLoss();
        Assert.Equal("isTarget", Assert.Throws<ArgumentException>(() => loss.Forward(embeddings, [true, false], [0, 0, 0, 0], [1.0, 1, 1, 1], [true])).ParamName);
        Assert.Equal("cluster", Assert.Throws<ArgumentException>(() => loss.Forward(embeddings, torch.zeros(4, torch.ScalarType.Bool), torch.zeros(4, torch.ScalarType.Int32), torch.ones(4), torch.ones(1, torch.ScalarType.Bool))).ParamName);
        Assert.Equal("embeddings", Assert.Throws<ArgumentException>(() => loss.Forward(torch.randn(4), [true, false, true, false], [0, 0, 0, 0], [1.0, 1, 1, 1], [true])).ParamName);
        Assert.Equal("cluster", Assert.Throws<ArgumentException>(() => loss.Forward(embeddings, [true, false, true, false], [0, 0, 2, 0], [1.0, 1, 1, 1], [true, true])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftTripletLoss(-0.1));
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => DeepCoralLoss.Forward(torch.randn(5, 3), torch.randn(1, 3))).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => DeepCoralLoss.Forward(torch.randn(5, 3), torch.randn(5, 2))).ParamName);
    }

    [Fact]
    public void Live_tensor_count_is_flat_over_repeated_steps()
    {
        var c = LossFixtures.Triplets["triplet_margin"];
        var coral = LossFixtures.Corals["coral_layers"];
        var triplet = new SoftTripletLoss(c.Margin, 8L * 1024); // several chunks
        using var embeddings = LossFixtures.Leaf(c.Embeddings);
        var layers = Enumerable.Range(0, coral.Layers).Select(l => (Source: LossFixtures.Leaf(coral.Source(l)), Target: LossFixtures.Leaf(coral.Target(l)))).ToList();
        void Step()
        {
            using var scope = torch.NewDisposeScope();
            var loss = triplet.Forward(embeddings, c.IsTarget, c.Cluster, c.Weight, c.Common).Loss + 0.2 * DeepCoralLoss.Forward(layers);
            loss.backward();
            _ = loss.item<double>();
            embeddings.grad!.zero_();
        }
        Step();
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 5; i++) Step();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);

        // Results taken without a scope are the caller's: one live tensor each until disposed.
        var result = triplet.Forward(embeddings, c.IsTarget, c.Cluster, c.Weight, c.Common);
        Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        result.Loss.Dispose();
        var coralLoss = DeepCoralLoss.Forward(layers);
        Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        coralLoss.Dispose();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        foreach (var (source, target) in layers) { source.Dispose(); target.Dispose(); }
    }
}
