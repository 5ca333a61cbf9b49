using AgCc.Core.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Tests.Torch;

/// <summary>
/// Proves the build output loads libtorch on this machine (the GLIBCXX patch of
/// build/TorchSharpNative.targets) by training a tiny classifier for a few steps.
/// </summary>
[Trait("Category", Categories.Unit)]
public class LibTorchLoadsTests
{
    private const int Steps = 30;

    [Fact]
    public void A_tiny_model_trains_and_its_loss_falls()
    {
        var losses = Train(seed: 7);

        Assert.Equal(Steps, losses.Length);
        Assert.All(losses, l => Assert.True(float.IsFinite(l)));
        Assert.True(losses[^1] < 0.5f * losses[0], $"loss went from {losses[0]} to {losses[^1]}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_losses_bit_for_bit()
    {
        Assert.Equal(Train(seed: 3), Train(seed: 3));
        Assert.NotEqual(Train(seed: 3), Train(seed: 4));
    }

    [Fact]
    public void The_cpu_device_resolves_and_cuda_is_refused_without_a_gpu()
    {
        Assert.Equal("cpu", TorchDevice.Describe(TorchDevice.Resolve("cpu")));
        if (!cuda.is_available())
        {
            Assert.Equal("cpu", TorchDevice.Describe(TorchDevice.Resolve("auto")));
            var error = Assert.Throws<InvalidOperationException>(() => TorchDevice.Resolve("cuda"));
            Assert.Contains("CUDA is not available", error.Message);
        }
    }

    /// <summary>Two Gaussian blobs in 8-D, a 2-layer MLP, Adam; every random draw from one generator.</summary>
    private static float[] Train(long seed)
    {
        using var generator = new Generator((ulong)seed);
        using var model = nn.Sequential(("hidden", nn.Linear(8, 16)), ("relu", nn.ReLU()), ("out", nn.Linear(16, 2)));
        using (no_grad())
        {
            foreach (var parameter in model.parameters()) parameter.copy_(randn(parameter.shape, generator: generator) * 0.3);
        }

        using var optimizer = optim.Adam(model.parameters(), lr: 0.05);
        var losses = new float[Steps];
        for (var step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            var labels = randint(0, 2, [32], generator: generator);
            var inputs = randn([32, 8], generator: generator) + labels.unsqueeze(1).to_type(ScalarType.Float32) * 2.0;
            var loss = nn.functional.cross_entropy(model.forward(inputs), labels);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            losses[step] = loss.item<float>();
        }
        return losses;
    }
}
