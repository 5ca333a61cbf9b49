using System.Buffers.Binary;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>Tensors by name (a state dict) that owns its tensors: disposing it disposes them.</summary>
public sealed class TensorDictionary(IDictionary<string, Tensor> tensors) : IReadOnlyDictionary<string, Tensor>, IDisposable
{
    private readonly Dictionary<string, Tensor> tensors = new(tensors, StringComparer.Ordinal);

    public Tensor this[string key] => tensors[key];

    public IEnumerable<string> Keys => tensors.Keys;

    public IEnumerable<Tensor> Values => tensors.Values;

    public int Count => tensors.Count;

    public bool ContainsKey(string key) => tensors.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Tensor value) => tensors.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() => tensors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        foreach (var tensor in tensors.Values) tensor.Dispose();
        tensors.Clear();
    }
}

/// <summary>
/// Reads the safetensors format: an unsigned 64-bit little-endian header length, a UTF-8 JSON
/// header {name: {"dtype", "shape", "data_offsets": [begin, end]}} (plus an optional
/// "__metadata__" of strings), then the raw little-endian data, offsets relative to its start.
/// Floating dtypes F64/F32/F16/BF16 and integers I64/I32/I16/I8/U8/BOOL. Tensors are created on
/// the CPU outside any dispose scope and owned by the returned dictionary. The whole file is read
/// into one array, so files must stay under 2 GB (wav2vec2 large in float32 is 1.26 GB).
/// </summary>
public static class SafeTensors
{
    public static TensorDictionary Load(string path) => Read(File.ReadAllBytes(path), path);

    /// <param name="name">Named in errors.</param>
    public static TensorDictionary Read(byte[] bytes, string name)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("reading safetensors needs a little-endian machine");
        if (bytes.Length < 8) throw new InvalidDataException($"{name}: too short for a safetensors file");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{name}: header length {headerLength} runs past the end of the file ({bytes.Length} bytes)");
        var dataStart = 8 + (int)headerLength;
        var dataLength = bytes.Length - dataStart;
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
            foreach (var entry in header.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__") continue;
                var dtypeName = entry.Value.GetProperty("dtype").GetString();
                var (dtype, width) = dtypeName switch
                {
                    "F64" => (ScalarType.Float64, 8),
                    "F32" => (ScalarType.Float32, 4),
                    "F16" => (ScalarType.Float16, 2),
                    "BF16" => (ScalarType.BFloat16, 2),
                    "I64" => (ScalarType.Int64, 8),
                    "I32" => (ScalarType.Int32, 4),
                    "I16" => (ScalarType.Int16, 2),
                    "I8" => (ScalarType.Int8, 1),
                    "U8" => (ScalarType.Byte, 1),
                    "BOOL" => (ScalarType.Bool, 1),
                    _ => throw new InvalidDataException($"{name}: {entry.Name} has dtype {dtypeName}, which is not supported"),
                };
                var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(o => o.GetInt64()).ToArray();
                var count = shape.Aggregate(1L, (a, b) => checked(a * b));
                if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] > dataLength || offsets[1] - offsets[0] != count * width)
                    throw new InvalidDataException($"{name}: {entry.Name} ({dtypeName} [{string.Join(", ", shape)}]) has data offsets [{string.Join(", ", offsets)}] that do not fit {count * width} bytes within {dataLength}");
                var tensor = empty(shape, dtype);
                tensors.Add(entry.Name, tensor.DetachFromDisposeScope());
                if (count > 0) tensor.bytes = bytes.AsSpan(dataStart + (int)offsets[0], (int)(offsets[1] - offsets[0]));
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw new InvalidDataException($"{name}: malformed safetensors header ({e.Message})", e);
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        return new TensorDictionary(tensors);
    }
}
