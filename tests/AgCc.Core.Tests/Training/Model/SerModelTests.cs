using AgCc.Core.Torch.Features.Wav2Vec2;
using AgCc.Core.Torch.Training.Model;
using AgCc.Core.Training.Config;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace AgCc.Core.Tests.Training.Model;

/// <summary>
/// The SER model against PyTorch 1.13's nn.TransformerEncoderLayer build of the same architecture
/// (Fixtures/SerModel/make_fixtures.py; its state dict loaded with PyBridge): logits, frames, pooled
/// and per-layer pooled outputs and the input projection's gradient within 1e-5, through the fused
/// attention (eval mode) and the explicit one (training mode with a negligible dropout). Also:
/// padding does not leak into real items, initial values and dropout masks follow the run's
/// generator only, segment embeddings equal a naive mean, plane weights start equal, the state
/// dict round-trips, and a training step leaves no live tensor behind.
/// </summary>
[Trait("Category", Categories.Unit)]
public class SerModelTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    /// <summary>Small enough for a test, every feature of the architecture on.</summary>
    private static readonly ModelConfig Small = new(Width: 16, Layers: 2, Heads: 4, FeedForward: 24, Dropout: 0.2, Hidden: [12, 8, 6]);

    public static TheoryData<string> Cases => [.. SerModelFixtures.Cases.Keys];

    [Fact]
    public void Fixture_holds_one_and_three_planes_with_and_without_positions()
    {
        Assert.Equal(["p1", "p3"], SerModelFixtures.Cases.Keys);
        Assert.Equal((1, true), (SerModelFixtures.Cases["p1"].Planes, SerModelFixtures.Cases["p1"].Config.PositionalEncoding));
        Assert.Equal((3, false), (SerModelFixtures.Cases["p3"].Planes, SerModelFixtures.Cases["p3"].Config.PositionalEncoding));
        Assert.All(SerModelFixtures.Cases.Values, c => Assert.True(c.Lengths.Distinct().Count() == c.Lengths.Length, "items of different lengths"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eval_mode_matches_pytorch(string name) => MatchesPytorch(SerModelFixtures.Cases[name], explicitAttention: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Explicit_attention_path_matches_pytorch(string name) => MatchesPytorch(SerModelFixtures.Cases[name], explicitAttention: true);

    /// <param name="explicitAttention">
    /// Training mode with dropout 1e-12: the hand-written attention (scores, mask, softmax, dropout)
    /// runs instead of the fused one, with masks that keep everything (a float32 uniform is below
    /// 1e-12 only when it is exactly 0).
    /// </param>
    private void MatchesPytorch(SerModelCase c, bool explicitAttention)
    {
        using var scope = NewDisposeScope();
        var config = explicitAttention ? c.Config with { Dropout = 1e-12 } : c.Config;
        using var model = new SerModel(config, c.Dimensions, c.Planes, c.Classes, new Generator(99));
        // PyTorch's state dict through the repository's reader and TorchSharp's load_state_dict, which
        // copies into the parameters (PyBridge's load_py also loads it, but leaves every parameter
        // with requires_grad false).
        using (var state = PyTorchCheckpoint.Load(c.StatePath))
        {
            var (missing, unexpected) = model.load_state_dict(new Dictionary<string, Tensor>(state), strict: true);
            Assert.Empty(missing);
            Assert.Empty(unexpected);
        }
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
        if (explicitAttention) model.train();
        else model.eval();

        var result = model.Forward(SerModelFixtures.Tensor(c.Array("features")), c.Padding(), new Generator(5), layerOutputs: true);
        result.Logits.sum().backward();

        var errors = new Dictionary<string, double>
        {
            ["logits"] = SerModelFixtures.Error(result.Logits, c.Array("logits")),
            ["frames"] = SerModelFixtures.Error(result.Frames, c.Array("frames")),
            ["pooled"] = SerModelFixtures.Error(result.Pooled, c.Array("pooled")),
            ["grad input projection"] = SerModelFixtures.Error(model.InputProjectionWeight.grad!, c.Array("grad_input_projection")),
        };
        Assert.Equal(c.Config.Layers, result.LayerPooled.Count);
        for (var l = 0; l < result.LayerPooled.Count; l++) errors[$"layer {l} pooled"] = SerModelFixtures.Error(result.LayerPooled[l], c.Array($"layer{l}.pooled"));
        output.WriteLine($"{c.Name} ({(explicitAttention ? "explicit" : "fused")} attention): {string.Join(", ", errors.Select(e => $"{e.Key} {e.Value:E2}"))}");
        Assert.All(errors, e => Assert.True(e.Value <= Tolerance, $"{e.Key}: error {e.Value:E2}"));
    }

    [Fact]
    public void Padding_does_not_leak_into_real_items()
    {
        using var scope = NewDisposeScope();
        using var model = new SerModel(Small, inputDimensions: 6, inputPlanes: 2, classes: 4, new Generator(3));
        model.eval();
        int[] lengths = [9, 5, 3];
        var features = randn([3, 2, 9, 6], generator: new Generator(4));
        var padding = SerModelFixtures.Padding(lengths);
        // Padded frames full of large garbage: any leak would show.
        var garbage = features.masked_fill(padding.view(3, 1, 9, 1), 1e3);
        var batch = model.Forward(garbage, padding, null, layerOutputs: true);
        for (var b = 0; b < lengths.Length; b++)
        {
            var alone = model.Forward(features[b..(b + 1), .., ..lengths[b]], zeros([1, lengths[b]], ScalarType.Bool), null, layerOutputs: true);
            var logitError = SerModelFixtures.Error(batch.Logits[b..(b + 1)], alone.Logits);
            var frameError = SerModelFixtures.Error(batch.Frames[b..(b + 1), ..lengths[b]], alone.Frames);
            var layerError = SerModelFixtures.Error(batch.LayerPooled[0][b..(b + 1)], alone.LayerPooled[0]);
            output.WriteLine($"item {b} ({lengths[b]} frames): logits {logitError:E2}, real frames {frameError:E2}, layer 0 pooled {layerError:E2}");
            Assert.True(Math.Max(logitError, Math.Max(frameError, layerError)) <= Tolerance, $"item {b}: {logitError:E2} {frameError:E2} {layerError:E2}");
        }
    }

    [Fact]
    public void The_run_generator_alone_decides_initial_values_and_dropout()
    {
        using var scope = NewDisposeScope();
        var features = randn([4, 1, 7, 5], generator: new Generator(8));
        var padding = SerModelFixtures.Padding([7, 6, 3, 1]);
        (float[] Parameters, float[] Logits) Run(ulong seed, ulong dropoutSeed)
        {
            using var model = new SerModel(Small, 5, 1, 3, new Generator(seed));
            model.train();
            var parameters = model.parameters().SelectMany(p => p.detach().contiguous().data<float>().ToArray()).ToArray();
            var logits = model.Forward(features, padding, new Generator(dropoutSeed)).Logits;
            return (parameters, logits.detach().contiguous().data<float>().ToArray());
        }
        var reference = Run(1, 10);
        Assert.Equal(reference.Parameters, Run(1, 10).Parameters);
        Assert.Equal(reference.Logits, Run(1, 10).Logits);
        Assert.NotEqual(reference.Parameters, Run(2, 10).Parameters);
        Assert.NotEqual(reference.Logits, Run(1, 11).Logits);
    }

    [Fact]
    public void Dropout_applies_in_training_mode_only_and_needs_its_generator()
    {
        using var scope = NewDisposeScope();
        using var model = new SerModel(Small, 5, 1, 3, new Generator(1));
        var features = randn([2, 1, 6, 5], generator: new Generator(2));
        var padding = SerModelFixtures.Padding([6, 4]);
        model.eval();
        var eval = model.Forward(features, padding, null).Logits;
        Assert.Equal(0.0, SerModelFixtures.Error(model.Forward(features, padding, new Generator(3)).Logits, eval));
        model.train();
        Assert.True(SerModelFixtures.Error(model.Forward(features, padding, new Generator(3)).Logits, eval) > 1e-4);
        Assert.Equal("dropout", Assert.Throws<ArgumentNullException>(() => model.Forward(features, padding, null)).ParamName);
        // Without dropout in the config, training mode needs no generator and equals eval mode.
        using var plain = new SerModel(Small with { Dropout = 0 }, 5, 1, 3, new Generator(1));
        plain.train();
        Assert.Equal(0.0, SerModelFixtures.Error(plain.Forward(features, padding, null).Logits, eval));
    }

    [Fact]
    public void Layer_outputs_are_pooled_per_layer_only_when_asked()
    {
        using var scope = NewDisposeScope();
        using var model = new SerModel(Small with { Layers = 3 }, 5, 1, 3, new Generator(1));
        model.eval();
        var features = randn([2, 1, 6, 5], generator: new Generator(2));
        var padding = SerModelFixtures.Padding([6, 4]);
        Assert.Empty(model.Forward(features, padding, null).LayerPooled);
        var result = model.Forward(features, padding, null, layerOutputs: true);
        Assert.Equal(3, result.LayerPooled.Count);
        Assert.All(result.LayerPooled, p => Assert.Equal([2L, 16], p.shape));
        Assert.Same(result.Pooled, result.LayerPooled[^1]);
        Assert.Equal([2L, 6, 16], result.Frames.shape);
        Assert.Equal([2L, 3], result.Logits.shape);
        // The pooled output is the mean of the real frames.
        var second = result.Frames[1, ..4].mean([0]);
        Assert.True(SerModelFixtures.Error(result.Pooled[1], second) <= 1e-6);
    }

    [Fact]
    public void Segment_embeddings_equal_a_naive_mean_and_pass_gradients()
    {
        using var scope = NewDisposeScope();
        var source = randn([3, 10, 8], generator: new Generator(5)) * 3 + 1;
        long[] item = [0, 0, 1, 2, 2, 2, 1];
        long[] first = [0, 4, 2, 0, 3, 9, 2];
        long[] end = [4, 7, 10, 1, 9, 10, 5];
        var weights = randn([item.Length, 8], generator: new Generator(6));

        var frames = source.clone().requires_grad_();
        var embeddings = SerModel.SegmentEmbeddings(frames, item, first, end);
        (embeddings * weights).sum().backward();

        var naiveFrames = source.clone().requires_grad_();
        var naive = stack([.. item.Select((b, s) => naiveFrames[b, (int)first[s]..(int)end[s]].mean([0]))]);
        naive = naive / naive.norm(1, keepdim: true);
        (naive * weights).sum().backward();

        var valueError = SerModelFixtures.Error(embeddings, naive);
        var gradError = SerModelFixtures.Error(frames.grad!, naiveFrames.grad!);
        output.WriteLine($"segment embeddings: value error {valueError:E2}, gradient error {gradError:E2}");
        Assert.Equal([(long)item.Length, 8], embeddings.shape);
        Assert.True(valueError <= Tolerance, $"values {valueError:E2}");
        Assert.True(gradError <= Tolerance, $"gradient {gradError:E2}");
        Assert.True(frames.grad![1, 2].abs().sum().item<float>() > 0);
        Assert.Equal(0f, frames.grad![1, 0].abs().sum().item<float>()); // in no segment

        Assert.Throws<ArgumentOutOfRangeException>(() => SerModel.SegmentEmbeddings(frames, [0], [3], [3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SerModel.SegmentEmbeddings(frames, [3], [0], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SerModel.SegmentEmbeddings(frames, [0], [5], [11]));
    }

    [Fact]
    public void Plane_weights_are_a_parameter_that_starts_equal()
    {
        using var scope = NewDisposeScope();
        using var three = new SerModel(Small, 5, 3, 4, new Generator(1));
        Assert.NotNull(three.PlaneWeights);
        Assert.Contains(three.named_parameters(), p => p.name == "plane_weights" && ReferenceEquals(p.parameter, three.PlaneWeights));
        Assert.All(three.PlaneWeights!.softmax(0).data<float>().ToArray(), w => Assert.Equal(1f / 3, w, 1e-7f));

        using var one = new SerModel(Small, 5, 1, 4, new Generator(1));
        Assert.Null(one.PlaneWeights);
        Assert.DoesNotContain(one.named_parameters(), p => p.name == "plane_weights");
    }

    [Fact]
    public void Parameters_are_named_as_pytorch_names_them_and_the_state_dict_round_trips()
    {
        using var scope = NewDisposeScope();
        using var model = new SerModel(Small with { Hidden = [7] }, 5, 2, 3, new Generator(1));
        var names = model.named_parameters().Select(p => p.name).ToList();
        Assert.Equal(["plane_weights", "input_projection.weight", "input_projection.bias"], names.Take(3));
        Assert.Contains("layers.1.self_attn.in_proj_weight", names);
        Assert.Contains("layers.1.self_attn.out_proj.bias", names);
        Assert.Contains("layers.0.norm2.weight", names);
        Assert.Equal(["head.0.weight", "head.0.bias", "head.1.weight", "head.1.bias"], names.TakeLast(4));
        Assert.Equal(3 + 2 * 12 + 4, names.Count);
        Assert.Empty(model.buffers());

        var path = Path.Combine(Path.GetTempPath(), $"agcc-sermodel-{Environment.ProcessId}-{Guid.NewGuid():N}.dat");
        try
        {
            model.save(path);
            using var other = new SerModel(Small with { Hidden = [7] }, 5, 2, 3, new Generator(2));
            other.load(path);
            Assert.All(other.parameters(), p => Assert.True(p.requires_grad));
            model.eval();
            other.eval();
            var features = randn([2, 2, 4, 5], generator: new Generator(3));
            var padding = SerModelFixtures.Padding([4, 2]);
            Assert.Equal(0.0, SerModelFixtures.Error(other.Forward(features, padding, null).Logits, model.Forward(features, padding, null).Logits));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_inputs_are_refused_with_their_name()
    {
        using var scope = NewDisposeScope();
        using var model = new SerModel(Small, 5, 2, 3, new Generator(1));
        var padding = SerModelFixtures.Padding([4, 2]);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => model.Forward(zeros(2, 1, 4, 5), padding, null)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => model.Forward(zeros(2, 2, 4, 6), padding, null)).ParamName);
        Assert.Equal("padding", Assert.Throws<ArgumentException>(() => model.Forward(zeros(2, 2, 4, 5), zeros(2, 4), null)).ParamName);
        Assert.Equal("padding", Assert.Throws<ArgumentException>(() => model.Forward(zeros(2, 2, 4, 5), zeros([2, 3], ScalarType.Bool), null)).ParamName);
        Assert.Equal("config", Assert.Throws<ArgumentException>(() => new SerModel(Small with { Heads = 3 }, 5, 1, 3, new Generator(1))).ParamName);
    }

    [Fact]
    public void Training_steps_lower_the_loss_and_leave_no_live_tensor_behind()
    {
        using var model = new SerModel(Small, 5, 1, 3, new Generator(1));
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-2, weight_decay: 1e-3);
        using var features = randn([4, 1, 7, 5], generator: new Generator(2));
        using var padding = SerModelFixtures.Padding([7, 5, 2, 1]);
        using var labels = tensor(new long[] { 0, 1, 2, 1 });
        var dropout = new Generator(3);
        float EvalLoss()
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            model.eval();
            return nn.functional.cross_entropy(model.Forward(features, padding, null).Logits, labels).item<float>();
        }
        void Step()
        {
            using var scope = NewDisposeScope();
            model.train();
            var output = model.Forward(features, padding, dropout, layerOutputs: true);
            var loss = nn.functional.cross_entropy(output.Logits, labels);
            loss.backward();
            optimizer.step();
            optimizer.zero_grad();
        }
        var initial = EvalLoss();
        Step();
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 30; i++) Step();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        var trained = EvalLoss();
        output.WriteLine($"eval loss {initial} → {trained}");
        Assert.True(trained < 0.5 * initial, $"eval loss went from {initial} to {trained}");
    }
}
