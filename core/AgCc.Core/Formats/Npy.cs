using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace AgCc.Core.Formats;

/// <summary>An array read from a NumPy .npy file: its shape and values in C order, widened to double.</summary>
public sealed record NpyArray(int[] Shape, double[] Values);

/// <summary>
/// NumPy's .npy format (version 1.0): a magic string, a Python-dict header naming the dtype, the
/// C/Fortran order and the shape, then the raw little-endian values. Writes float32 (features) or
/// float64; reads little-endian float32/float64 in C or Fortran order (numpy.save of a transposed
/// array), returning C order.
/// </summary>
public static partial class Npy
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static void Write(Stream stream, ReadOnlySpan<float> values, params int[] shape)
    {
        WriteHeader(stream, "<f4", shape, values.Length);
        stream.Write(MemoryMarshal.AsBytes(values));
    }

    public static void Write(Stream stream, ReadOnlySpan<double> values, params int[] shape)
    {
        WriteHeader(stream, "<f8", shape, values.Length);
        stream.Write(MemoryMarshal.AsBytes(values));
    }

    private static void WriteHeader(Stream stream, string dtype, int[] shape, int count)
    {
        // The values go out as they are in memory, which .npy's '<' declares little-endian.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("writing .npy needs a little-endian machine");
        if (shape.Aggregate(1L, (a, b) => a * b) != count) throw new ArgumentException($"shape ({string.Join(", ", shape)}) does not hold {count} values", nameof(shape));
        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        var header = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': ({dims}), }}";
        // Magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64, ending in \n.
        var total = (10 + header.Length + 1 + 63) / 64 * 64;
        header = header.PadRight(total - 10 - 1) + "\n";
        Span<byte> preamble = stackalloc byte[10];
        Magic.CopyTo(preamble);
        preamble[6] = 1;
        preamble[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(preamble[8..], (ushort)header.Length);
        stream.Write(preamble);
        stream.Write(Encoding.ASCII.GetBytes(header));
    }

    /// <param name="name">Named in errors.</param>
    public static NpyArray Read(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic)) throw new InvalidDataException($"{name}: not a .npy file");
        int headerLength, headerStart;
        switch (bytes[6])
        {
            case 1:
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
                headerStart = 10;
                break;
            case 2 or 3:
                headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
                headerStart = 12;
                break;
            default:
                throw new InvalidDataException($"{name}: .npy version {bytes[6]} is not supported");
        }
        var header = Encoding.ASCII.GetString(bytes.Slice(headerStart, headerLength));
        var dtype = Field().Match(header) is { Success: true } d ? d.Groups[1].Value : throw new InvalidDataException($"{name}: no descr in the header");
        var fortran = header.Contains("'fortran_order': True", StringComparison.Ordinal);
        var shapeText = ShapeField().Match(header) is { Success: true } s ? s.Groups[1].Value : throw new InvalidDataException($"{name}: no shape in the header");
        var shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var count = shape.Aggregate(1, (a, b) => checked(a * b));
        var data = bytes[(headerStart + headerLength)..];
        var width = dtype switch { "<f4" => 4, "<f8" => 8, _ => throw new InvalidDataException($"{name}: dtype {dtype} is not supported (little-endian float32 or float64)") };
        if (data.Length != count * width) throw new InvalidDataException($"{name}: {data.Length} bytes of data for {count} values of {width} bytes");
        var stored = new double[count];
        for (var i = 0; i < count; i++)
            stored[i] = width == 4 ? BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]) : BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
        return new NpyArray(shape, fortran ? ToCOrder(stored, shape) : stored);
    }

    /// <summary>Fortran order (numpy.save of a transposed array) to C order: the first index varies fastest in storage.</summary>
    private static double[] ToCOrder(double[] stored, int[] shape)
    {
        var values = new double[stored.Length];
        var index = new int[shape.Length];
        for (var c = 0; c < values.Length; c++)
        {
            var f = 0;
            for (var d = shape.Length - 1; d >= 0; d--) f = f * shape[d] + index[d];
            values[c] = stored[f];
            for (var d = shape.Length - 1; d >= 0 && ++index[d] == shape[d]; d--) index[d] = 0;
        }
        return values;
    }

    [GeneratedRegex(@"'descr':\s*'([^']+)'")]
    private static partial Regex Field();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapeField();
}
