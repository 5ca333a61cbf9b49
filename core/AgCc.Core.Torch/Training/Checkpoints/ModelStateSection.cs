using System.Text;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Checkpoints;

/// <summary>
/// The "model" section: the module's state_dict (parameters and buffers, e.g. batch-norm running
/// statistics) as an entry count (int32), then per entry its name (BinaryWriter string) and a
/// <see cref="TensorRecord"/>.
/// </summary>
/// <remarks>
/// Our own writer rather than TorchSharp's <c>Module.save</c>: its load fails with an
/// ArgumentException that names neither the entry nor the file, and it restores entry by entry, so
/// a shape mismatch half-way leaves the model half restored. Here every entry is checked against
/// the model (strictly: none missing, none extra) before the first byte is copied.
/// </remarks>
internal static class ModelStateSection
{
    public const string Name = "model";

    public static byte[] Write(nn.Module model)
    {
        var entries = model.state_dict();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(entries.Count);
            foreach (var (name, tensor) in entries)
            {
                writer.Write(name);
                TensorRecord.Write(writer, tensor);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Parses the section and checks it against <paramref name="model"/>; returns the copy to run once every section has been checked.</summary>
    /// <exception cref="InvalidDataException">An entry missing, extra, of another dtype or shape, or the section cut short; the message names the checkpoint and the entry.</exception>
    public static Action Prepare(ReadOnlyMemory<byte> payload, string checkpointName, nn.Module model)
    {
        var records = Parse(payload, checkpointName);
        var targets = model.state_dict();
        var copies = new List<(TensorRecord Record, Tensor Target)>(targets.Count);
        foreach (var (name, target) in targets)
        {
            if (!records.TryGetValue(name, out var record))
                throw CheckpointContainer.Error(checkpointName, $"section '{Name}' has no entry '{name}', which the model has ({Kind(model, name)}); the checkpoint holds {Describe(records.Keys)}");
            if (record.Mismatch(target) is { } why)
                throw CheckpointContainer.Error(checkpointName, $"section '{Name}': entry '{name}' {why}");
            copies.Add((record, target));
        }
        if (records.Keys.FirstOrDefault(k => !targets.ContainsKey(k)) is { } extra)
            throw CheckpointContainer.Error(checkpointName, $"section '{Name}' has entry '{extra}', which the model does not have; the model holds {Describe(targets.Keys)}");
        return () =>
        {
            foreach (var (record, target) in copies) record.CopyInto(target);
        };
    }

    private static Dictionary<string, TensorRecord> Parse(ReadOnlyMemory<byte> payload, string checkpointName)
    {
        var records = new Dictionary<string, TensorRecord>(StringComparer.Ordinal);
        using var reader = SectionReader.Open(payload);
        var entry = "its entry count";
        try
        {
            var count = reader.ReadInt32();
            if (count < 0) throw new FormatException($"{count} entries");
            for (var i = 0; i < count; i++)
            {
                entry = $"entry #{i}";
                var name = reader.ReadString();
                entry = $"entry '{name}'";
                if (!records.TryAdd(name, TensorRecord.Read(reader)))
                    throw CheckpointContainer.Error(checkpointName, $"section '{Name}' has entry '{name}' twice");
            }
            entry = "its end";
            SectionReader.EnsureEnd(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw CheckpointContainer.Error(checkpointName, $"section '{Name}' is unreadable at {entry}: {e.Message.TrimEnd('.')}", e);
        }
        return records;
    }

    private static string Kind(nn.Module model, string name) =>
        model.named_parameters().Any(p => p.name == name) ? "a parameter" : "a buffer";

    private static string Describe(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "no entries" : $"{list.Count}: {string.Join(", ", list.Take(12).Select(n => $"'{n}'"))}{(list.Count > 12 ? ", ..." : "")}";
    }
}
