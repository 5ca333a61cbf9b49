using AgCc.Core.Torch.Training.Checkpoints;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace AgCc.Core.Tests.Training.Checkpoints;

/// <summary>
/// <see cref="TrainingOptimizer"/>'s Adam against PyTorch 1.13's single-tensor Adam written out
/// (amsgrad off, weight decay as L2 added to the gradient) over 20 steps on the same gradients:
/// within 1e-6 (bit-equal in practice, since the ops are the same); and clearly apart from AdamW's
/// decoupled decay, so the semantics are the ones the runs are meant to use.
/// </summary>
[Trait("Category", Categories.Unit)]
public class TrainingOptimizerTests(ITestOutputHelper output)
{
    private const double LearningRate = 1e-2;
    private const double WeightDecay = 0.1;
    private const int Steps = 20;

    [Fact]
    public void Adam_matches_pytorch_formulas_over_20_steps()
    {
        var (adam, pytorch, adamW) = (Train(Reference.None), Train(Reference.Adam), Train(Reference.AdamW));
        double maxError = 0, maxAdamWGap = 0;
        var bitEqual = true;
        foreach (var (name, value) in adam)
        {
            maxError = Math.Max(maxError, value.Zip(pytorch[name], (a, b) => Math.Abs(a - b)).Max());
            maxAdamWGap = Math.Max(maxAdamWGap, value.Zip(adamW[name], (a, b) => Math.Abs(a - b)).Max());
            bitEqual &= value.SequenceEqual(pytorch[name]);
        }
        output.WriteLine($"max |TorchSharp Adam − PyTorch formulas| = {maxError:E2} (bit-equal: {bitEqual}); max gap to AdamW = {maxAdamWGap:E2}");
        Assert.True(maxError <= 1e-6, $"error {maxError:E2}");
        Assert.True(maxAdamWGap > 1e-4, $"AdamW gap {maxAdamWGap:E2}");
    }

    [Fact]
    public void Create_uses_the_documented_hyperparameters()
    {
        using var generator = new Generator(1);
        using var model = new TinyNet(1, generator);
        using var adam = TrainingOptimizer.Create(model, 3e-4, 1e-5);
        var options = (TorchSharp.Modules.Adam.Options)adam.ParamGroups.Cast<TorchSharp.Modules.ParamGroup>().Single().Options;
        Assert.Equal((3e-4, 0.9, 0.999, 1e-8, 1e-5, false, false),
            (options.LearningRate!.Value, options.beta1!.Value, options.beta2!.Value, options.eps!.Value, options.weight_decay!.Value, options.amsgrad!.Value, options.maximize!.Value));
        Assert.Equal(model.parameters().Count(), adam.parameters().Count());
    }

    private enum Reference { None, Adam, AdamW }

    /// <summary>20 steps of the TinyNet (same seeds, same batches) with TorchSharp's Adam or a written-out update; the final parameters.</summary>
    private static Dictionary<string, float[]> Train(Reference reference)
    {
        using var dropout = new Generator(2);
        using var data = new Generator(3);
        using var model = new TinyNet(1, dropout);
        using var adam = TrainingOptimizer.Create(model, LearningRate, WeightDecay);
        var parameters = model.named_parameters().ToList();
        var state = parameters.Select(p => (ExpAvg: zeros_like(p.parameter), ExpAvgSq: zeros_like(p.parameter))).ToList();
        model.train();
        for (var step = 1; step <= Steps; step++)
        {
            using var scope = NewDisposeScope();
            adam.zero_grad();
            var loss = nn.functional.mse_loss(model.call(randn([16, 4], generator: data)), randn([16, 2], generator: data));
            loss.backward();
            if (reference == Reference.None)
            {
                adam.step();
                continue;
            }
            using var noGrad = no_grad();
            for (var i = 0; i < parameters.Count; i++)
                Update(parameters[i].parameter, parameters[i].parameter.grad!, state[i].ExpAvg, state[i].ExpAvgSq, step, reference == Reference.AdamW);
        }
        foreach (var (m, v) in state)
        {
            m.Dispose();
            v.Dispose();
        }
        return parameters.ToDictionary(p => p.name, p => p.parameter.detach().data<float>().ToArray());
    }

    /// <summary>torch/optim/adam.py (1.13) _single_tensor_adam, amsgrad and maximize off; AdamW decays the parameter instead.</summary>
    private static void Update(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, int step, bool decoupled)
    {
        const double beta1 = TrainingOptimizer.Beta1, beta2 = TrainingOptimizer.Beta2, eps = TrainingOptimizer.Epsilon;
        if (decoupled) param.mul_(1 - LearningRate * WeightDecay);
        else grad = grad.add(param, alpha: WeightDecay);
        expAvg.mul_(beta1).add_(grad, alpha: 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(grad, grad.conj(), value: 1 - beta2);
        var biasCorrection1 = 1 - Math.Pow(beta1, step);
        var biasCorrection2 = 1 - Math.Pow(beta2, step);
        var stepSize = LearningRate / biasCorrection1;
        var denom = (expAvgSq.sqrt() / Math.Sqrt(biasCorrection2)).add_(eps);
        param.addcdiv_(expAvg, denom, value: -stepSize);
    }
}
