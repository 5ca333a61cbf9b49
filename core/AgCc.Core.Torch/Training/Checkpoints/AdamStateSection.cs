using System.Text;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Checkpoints;

/// <summary>
/// The "optimizer" section: TorchSharp's Adam state. A group count (int32); per parameter group its
/// learning rate and initial learning rate, β1, β2, ε, weight decay (doubles), amsgrad and maximize
/// (bools) and parameter count (int32); per parameter, in the optimiser's order, the model's name
/// for it (BinaryWriter string), its step count (int64), exp_avg and exp_avg_sq as
/// <see cref="TensorRecord"/>s, and whether max_exp_avg_sq follows (bool) and then it.
/// </summary>
/// <remarks>
/// TorchSharp's Adam is written in C# and exposes its state (<c>state_dict()</c> lists one
/// <see cref="Adam.State"/> per parameter with public step and moment fields), so its own state is
/// saved here and no second Adam is needed. Its <c>save_state_dict(BinaryWriter)</c> would also be
/// bit-exact but names no parameter when a load fails and restores parameter by parameter; this
/// writer names each parameter and checks all of them before copying. The learning rates are
/// restored (a scheduler may have moved them); the other hyperparameters must equal the fresh
/// optimiser's, since resuming under different ones would not continue the same run.
/// </remarks>
internal static class AdamStateSection
{
    public const string Name = "optimizer";

    public static byte[] Write(Adam optimizer, nn.Module model)
    {
        var names = ParameterNames(model);
        var groups = Groups(optimizer);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(groups.Count);
            foreach (var (options, states) in groups)
            {
                WriteOptions(writer, options);
                writer.Write(states.Count);
                for (var i = 0; i < states.Count; i++)
                {
                    var (parameter, state) = states[i];
                    writer.Write(names.TryGetValue(parameter.Handle, out var name)
                        ? name
                        : throw new ArgumentException($"the optimiser's parameter #{i} [{string.Join(", ", parameter.shape)}] is not a parameter of the model", nameof(optimizer)));
                    writer.Write(state.step);
                    TensorRecord.Write(writer, state.exp_avg);
                    TensorRecord.Write(writer, state.exp_avg_sq);
                    writer.Write(state.max_exp_avg_sq is not null);
                    if (state.max_exp_avg_sq is not null) TensorRecord.Write(writer, state.max_exp_avg_sq);
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>Parses the section and checks it against <paramref name="optimizer"/> over <paramref name="model"/>; returns the copy to run once every section has been checked.</summary>
    /// <exception cref="InvalidDataException">Different groups, hyperparameters, parameters or moment shapes, or the section cut short; the message names the checkpoint and the parameter or option.</exception>
    public static Action Prepare(ReadOnlyMemory<byte> payload, string checkpointName, Adam optimizer, nn.Module model)
    {
        var saved = Parse(payload, checkpointName);
        var names = ParameterNames(model);
        var groups = Groups(optimizer);
        if (saved.Count != groups.Count)
            throw CheckpointContainer.Error(checkpointName, $"section '{Name}' has {saved.Count} parameter groups, the optimiser {groups.Count}");
        var copies = new List<Action>();
        for (var g = 0; g < groups.Count; g++)
        {
            var (options, states) = groups[g];
            var (savedOptions, savedStates) = saved[g];
            if (savedOptions.FixedMismatch(options) is { } why)
                throw CheckpointContainer.Error(checkpointName, $"section '{Name}', group {g}: {why}");
            if (savedStates.Count != states.Count)
                throw CheckpointContainer.Error(checkpointName, $"section '{Name}', group {g} has {savedStates.Count} parameters, the optimiser {states.Count}");
            for (var i = 0; i < states.Count; i++)
            {
                var (parameter, state) = states[i];
                var s = savedStates[i];
                var name = names.GetValueOrDefault(parameter.Handle, $"#{i}");
                if (s.Name != name)
                    throw CheckpointContainer.Error(checkpointName, $"section '{Name}', group {g}: parameter #{i} is '{s.Name}' in the checkpoint, '{name}' in the optimiser");
                Check(s.ExpAvg, state.exp_avg, "exp_avg");
                Check(s.ExpAvgSq, state.exp_avg_sq, "exp_avg_sq");
                if (s.MaxExpAvgSq is not null) Check(s.MaxExpAvgSq, state.max_exp_avg_sq ?? state.exp_avg_sq, "max_exp_avg_sq");

                void Check(TensorRecord record, Tensor target, string moment)
                {
                    if (record.Mismatch(target, "the optimiser") is { } mismatch)
                        throw CheckpointContainer.Error(checkpointName, $"section '{Name}': {moment} of parameter '{name}' {mismatch}");
                }

                copies.Add(() => Restore(s, state));
            }
            copies.Add(() => savedOptions.RestoreLearningRates(options));
        }
        return () =>
        {
            foreach (var copy in copies) copy();
        };
    }

    private static void Restore(SavedState saved, Adam.State state)
    {
        state.step = saved.Step;
        saved.ExpAvg.CopyInto(state.exp_avg);
        saved.ExpAvgSq.CopyInto(state.exp_avg_sq);
        if (saved.MaxExpAvgSq is null)
        {
            state.max_exp_avg_sq?.Dispose();
            state.max_exp_avg_sq = null!;
            return;
        }
        // Kept out of any dispose scope of the caller's: the optimiser owns it from now on.
        state.max_exp_avg_sq ??= zeros_like(state.exp_avg_sq).DetachFromDisposeScope();
        saved.MaxExpAvgSq.CopyInto(state.max_exp_avg_sq);
    }

    private static List<(SavedOptions Options, List<SavedState> States)> Parse(ReadOnlyMemory<byte> payload, string checkpointName)
    {
        var groups = new List<(SavedOptions, List<SavedState>)>();
        using var reader = SectionReader.Open(payload);
        var where = "its group count";
        try
        {
            var groupCount = reader.ReadInt32();
            if (groupCount < 0) throw new FormatException($"{groupCount} groups");
            for (var g = 0; g < groupCount; g++)
            {
                where = $"group {g}";
                var options = SavedOptions.Read(reader);
                var count = reader.ReadInt32();
                if (count < 0) throw new FormatException($"{count} parameters");
                var states = new List<SavedState>(count);
                for (var i = 0; i < count; i++)
                {
                    where = $"group {g}, parameter #{i}";
                    var name = reader.ReadString();
                    where = $"group {g}, parameter '{name}'";
                    var step = reader.ReadInt64();
                    var expAvg = TensorRecord.Read(reader);
                    var expAvgSq = TensorRecord.Read(reader);
                    var max = reader.ReadBoolean() ? TensorRecord.Read(reader) : null;
                    states.Add(new SavedState(name, step, expAvg, expAvgSq, max));
                }
                groups.Add((options, states));
            }
            where = "its end";
            SectionReader.EnsureEnd(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw CheckpointContainer.Error(checkpointName, $"section '{Name}' is unreadable at {where}: {e.Message.TrimEnd('.')}", e);
        }
        return groups;
    }

    /// <summary>Each group's options with its (parameter, state) pairs, in the order of TorchSharp's own state_dict.</summary>
    private static List<(Adam.Options Options, List<(Parameter Parameter, Adam.State State)> States)> Groups(Adam optimizer)
    {
        var states = optimizer.state_dict().State;
        var groups = new List<(Adam.Options, List<(Parameter, Adam.State)>)>();
        var next = 0;
        foreach (var group in optimizer.ParamGroups.Cast<ParamGroup>())
        {
            var pairs = group.Parameters.Select(p => (p, (Adam.State)states[next++])).ToList();
            groups.Add(((Adam.Options)group.Options, pairs));
        }
        return groups;
    }

    private static Dictionary<IntPtr, string> ParameterNames(nn.Module model)
    {
        var names = new Dictionary<IntPtr, string>();
        foreach (var (name, parameter) in model.named_parameters()) names.TryAdd(parameter.Handle, name);
        return names;
    }

    private sealed record SavedState(string Name, long Step, TensorRecord ExpAvg, TensorRecord ExpAvgSq, TensorRecord? MaxExpAvgSq);

    private sealed record SavedOptions(double LearningRate, double InitialLearningRate, double Beta1, double Beta2, double Eps, double WeightDecay, bool AmsGrad, bool Maximize)
    {
        public static SavedOptions Read(BinaryReader reader) => new(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(),
            reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadBoolean(), reader.ReadBoolean());

        public static SavedOptions Of(Adam.Options o) => new(o.LearningRate!.Value, o.InitialLearningRate, o.beta1!.Value,
            o.beta2!.Value, o.eps!.Value, o.weight_decay!.Value, o.amsgrad!.Value, o.maximize!.Value);

        /// <summary>The first hyperparameter other than the learning rates that differs from <paramref name="target"/>'s, or null.</summary>
        public string? FixedMismatch(Adam.Options target)
        {
            var t = Of(target);
            if (Beta1 != t.Beta1) return $"beta1 is {Beta1:R} in the checkpoint, {t.Beta1:R} in the optimiser";
            if (Beta2 != t.Beta2) return $"beta2 is {Beta2:R} in the checkpoint, {t.Beta2:R} in the optimiser";
            if (Eps != t.Eps) return $"eps is {Eps:R} in the checkpoint, {t.Eps:R} in the optimiser";
            if (WeightDecay != t.WeightDecay) return $"weight_decay is {WeightDecay:R} in the checkpoint, {t.WeightDecay:R} in the optimiser";
            if (AmsGrad != t.AmsGrad) return $"amsgrad is {AmsGrad} in the checkpoint, {t.AmsGrad} in the optimiser";
            return Maximize != t.Maximize ? $"maximize is {Maximize} in the checkpoint, {t.Maximize} in the optimiser" : null;
        }

        public void RestoreLearningRates(Adam.Options target)
        {
            target.LearningRate = LearningRate;
            target.InitialLearningRate = InitialLearningRate;
        }
    }

    private static void WriteOptions(BinaryWriter writer, Adam.Options options)
    {
        var o = SavedOptions.Of(options);
        writer.Write(o.LearningRate);
        writer.Write(o.InitialLearningRate);
        writer.Write(o.Beta1);
        writer.Write(o.Beta2);
        writer.Write(o.Eps);
        writer.Write(o.WeightDecay);
        writer.Write(o.AmsGrad);
        writer.Write(o.Maximize);
    }
}
