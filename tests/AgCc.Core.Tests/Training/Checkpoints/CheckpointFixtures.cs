using System.Security.Cryptography;
using System.Text;
using AgCc.Core.Torch.Training.Checkpoints;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AgCc.Core.Tests.Training.Checkpoints;

/// <summary>
/// Linear → BatchNorm1d → ReLU → dropout → Linear, initialised from a seeded generator. The dropout
/// mask is drawn from the run's own generator (torch's dropout would draw from the global one), so
/// a resume is exact only if the generator state is restored; batch norm adds buffers (running
/// statistics and an int64 counter) that must be restored too.
/// </summary>
internal sealed class TinyNet : nn.Module<Tensor, Tensor>
{
    public const double DropProbability = 0.3;

    private readonly Linear first;
    private readonly BatchNorm1d norm;
    private readonly Linear second;
    private readonly Generator dropout;

    public TinyNet(long initSeed, Generator dropout, int hidden = 8, bool secondBias = true) : base(nameof(TinyNet))
    {
        first = nn.Linear(4, hidden);
        norm = nn.BatchNorm1d(hidden);
        second = nn.Linear(hidden, 2, hasBias: secondBias);
        this.dropout = dropout;
        RegisterComponents();
        using var init = new Generator((ulong)initSeed);
        using var noGrad = no_grad();
        foreach (var (_, parameter) in named_parameters())
        {
            using var scope = NewDisposeScope();
            parameter.copy_(randn(parameter.shape, generator: init) * 0.5);
        }
    }

    public override Tensor forward(Tensor input)
    {
        var hidden = nn.functional.relu(norm.call(first.call(input)));
        if (training)
        {
            var keep = (rand(hidden.shape, generator: dropout) >= DropProbability).to_type(hidden.dtype);
            hidden = hidden * keep / (1 - DropProbability);
        }
        return second.call(hidden);
    }
}

/// <summary>One training run: model, Adam from <see cref="TrainingOptimizer"/>, dropout generator and fixed batches by step.</summary>
internal sealed class CheckpointRun : IDisposable
{
    public const double LearningRate = 1e-2;
    public const double WeightDecay = 1e-2;
    private const int Batches = 8;

    private readonly Tensor[] inputs;
    private readonly Tensor[] targets;

    public CheckpointRun(long initSeed = 1, ulong dropoutSeed = 2, int hidden = 8, bool secondBias = true, double weightDecay = WeightDecay)
    {
        Dropout = new Generator(dropoutSeed);
        Model = new TinyNet(initSeed, Dropout, hidden, secondBias);
        Optimizer = TrainingOptimizer.Create(Model, LearningRate, weightDecay);
        using var data = new Generator(3);
        inputs = [.. Enumerable.Range(0, Batches).Select(_ => randn([16, 4], generator: data))];
        targets = [.. Enumerable.Range(0, Batches).Select(_ => randn([16, 2], generator: data))];
    }

    public TinyNet Model { get; }

    public Adam Optimizer { get; }

    public Generator Dropout { get; }

    /// <summary>One training step on batch <paramref name="step"/>, in its own dispose scope.</summary>
    public float Step(int step)
    {
        using var scope = NewDisposeScope();
        Model.train();
        Optimizer.zero_grad();
        var loss = nn.functional.mse_loss(Model.call(inputs[step % Batches]), targets[step % Batches]);
        loss.backward();
        Optimizer.step();
        return loss.item<float>();
    }

    public void Dispose()
    {
        foreach (var t in inputs.Concat(targets)) t.Dispose();
        Optimizer.Dispose();
        Model.Dispose();
        Dropout.Dispose();
    }
}

internal static class CheckpointFixtures
{
    /// <summary>Every state_dict entry's raw bytes: equal bytes are bit-identical values (the sign of zero and NaN payloads included).</summary>
    public static Dictionary<string, byte[]> Snapshot(nn.Module model) =>
        model.state_dict().ToDictionary(e => e.Key, e => Bytes(e.Value));

    /// <summary>Per parameter, in the optimiser's order: its step count and its moments' raw bytes.</summary>
    public static List<(long Step, byte[] ExpAvg, byte[] ExpAvgSq)> Snapshot(Adam optimizer) =>
        [.. optimizer.state_dict().State.Cast<Adam.State>().Select(s => (s.step, Bytes(s.exp_avg), Bytes(s.exp_avg_sq)))];

    public static byte[] Snapshot(Generator generator)
    {
        using var state = generator.get_state();
        return state.bytes.ToArray();
    }

    public static byte[] Bytes(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.detach().cpu().contiguous().bytes.ToArray();
    }

    public static void AssertSame(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"'{name}' differs");
    }

    public static void AssertSame(List<(long Step, byte[] ExpAvg, byte[] ExpAvgSq)> expected, List<(long Step, byte[] ExpAvg, byte[] ExpAvgSq)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Step, actual[i].Step);
            Assert.True(expected[i].ExpAvg.AsSpan().SequenceEqual(actual[i].ExpAvg), $"exp_avg #{i} differs");
            Assert.True(expected[i].ExpAvgSq.AsSpan().SequenceEqual(actual[i].ExpAvgSq), $"exp_avg_sq #{i} differs");
        }
    }

    /// <summary>The sections of a checkpoint, read by the format documented on CheckpointContainer (for tests that rebuild one).</summary>
    public static List<(string Name, byte[] Payload)> Sections(byte[] content)
    {
        using var reader = new BinaryReader(new MemoryStream(content), Encoding.UTF8);
        Assert.Equal("AGCCCK"u8.ToArray(), reader.ReadBytes(6));
        Assert.Equal(1, reader.ReadUInt16());
        var count = reader.ReadInt32();
        var sections = new List<(string, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var length = reader.ReadInt64();
            var digest = reader.ReadBytes(32);
            var payload = reader.ReadBytes((int)length);
            Assert.Equal(SHA256.HashData(payload), digest);
            sections.Add((name, payload));
        }
        Assert.Equal(content.Length, reader.BaseStream.Position);
        return sections;
    }

    /// <summary>A checkpoint made of <paramref name="sections"/>, written by the documented format.</summary>
    public static byte[] Container(IEnumerable<(string Name, byte[] Payload)> sections)
    {
        var list = sections.ToList();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("AGCCCK"u8);
            writer.Write((ushort)1);
            writer.Write(list.Count);
            foreach (var (name, payload) in list)
            {
                writer.Write(name);
                writer.Write((long)payload.Length);
                writer.Write(SHA256.HashData(payload));
                writer.Write(payload);
            }
        }
        return stream.ToArray();
    }
}
