using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AgCc.Core.Formats;

namespace AgCc.Core.Landmarks;

/// <summary>
/// Parses data rows against a layout: finds the needed cells by counting separators (the others are
/// never looked at, beyond counting them), parses only those, checks what METHOD.md's pipeline
/// relies on, and appends to <see cref="Rows"/>.
/// </summary>
internal sealed class OpenFaceRowParser(string file, OpenFaceLayout layout)
{
    private const byte Comma = (byte)',';

    private readonly int[] cellStart = new int[layout.SlotCount];
    private readonly int[] cellEnd = new int[layout.SlotCount];
    private readonly Dictionary<int, Previous> previousByFace = [];

    public OpenFaceRows Rows { get; } = new(layout.LandmarkValues);

    public void Parse(ReadOnlySpan<byte> line, int lineNumber)
    {
        Locate(line, lineNumber);

        var frame = Integer(line, OpenFaceLayout.FrameSlot, lineNumber);
        var face = layout.HasFaceId ? Integer(line, OpenFaceLayout.FaceSlot, lineNumber) : 0;
        var timestamp = Finite(line, OpenFaceLayout.TimestampSlot, lineNumber);
        var confidence = Finite(line, OpenFaceLayout.ConfidenceSlot, lineNumber);
        var successValue = Finite(line, OpenFaceLayout.SuccessSlot, lineNumber);
        if (successValue is not (0 or 1))
            throw Error(lineNumber, OpenFaceLayout.SuccessSlot, $"success is {Show(successValue)}; expected 0 or 1");

        CheckOrder(face, frame, timestamp, lineNumber);

        var success = successValue == 1;
        var landmarks = Rows.Add(face, frame, lineNumber, timestamp, confidence, success);

        // Coordinates matter only where OpenFace claims a face; it writes zeros (or anything) elsewhere.
        if (!success) return;
        for (var v = 0; v < landmarks.Length; v++)
        {
            landmarks[v] = (float)Finite(line, OpenFaceLayout.FirstLandmarkSlot + v, lineNumber);
        }
    }

    /// <summary>Fills cellStart/cellEnd for every slot and checks the row has the header's cell count.</summary>
    private void Locate(ReadOnlySpan<byte> line, int lineNumber)
    {
        var cells = FindCells(line);
        if (cells < layout.ColumnCount)
            throw new InputException(file, $"line {lineNumber}, column {layout.Names[cells]}",
                $"the row ends after {cells} cells; the header has {layout.ColumnCount} (truncated row?)");
        if (cells > layout.ColumnCount)
            throw new InputException(file, $"line {lineNumber}",
                $"the row has {cells} cells; the header has {layout.ColumnCount}");
    }

    /// <summary>
    /// Walks the separators 32 bytes at a time (a bit mask of the commas per block, one bit per
    /// cell boundary) until the last needed column, then only counts the rest. Returns the number
    /// of cells; slots past the end of a short row are left unset (the caller rejects the row).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindCells(ReadOnlySpan<byte> line)
    {
        var columns = layout.PlanColumns;
        var slots = layout.PlanSlots;
        var next = 0;
        var cell = 0;
        var cellStartAt = 0;
        var i = 0;
        ref var first = ref MemoryMarshal.GetReference(line);
        if (Vector256.IsHardwareAccelerated)
        {
            var commas = Vector256.Create(Comma);
            for (; i + Vector256<byte>.Count <= line.Length; i += Vector256<byte>.Count)
            {
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), commas).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    if (cell == columns[next])
                    {
                        cellStart[slots[next]] = cellStartAt;
                        cellEnd[slots[next]] = at;
                        if (++next == columns.Length)
                            return cell + 2 + BitOperations.PopCount(mask) + line[(i + Vector256<byte>.Count)..].Count(Comma);
                    }

                    cell++;
                    cellStartAt = at + 1;
                }
            }
        }

        for (; i < line.Length; i++)
        {
            if (line[i] != Comma) continue;
            if (cell == columns[next])
            {
                cellStart[slots[next]] = cellStartAt;
                cellEnd[slots[next]] = i;
                if (++next == columns.Length) return cell + 2 + line[(i + 1)..].Count(Comma);
            }

            cell++;
            cellStartAt = i + 1;
        }

        // The last cell has no comma after it.
        if (cell == columns[next])
        {
            cellStart[slots[next]] = cellStartAt;
            cellEnd[slots[next]] = line.Length;
        }

        return cell + 1;
    }

    private void CheckOrder(int face, int frame, double timestamp, int lineNumber)
    {
        if (previousByFace.TryGetValue(face, out var previous))
        {
            var whose = layout.HasFaceId ? $" of face_id {face}" : "";
            if (!(timestamp > previous.Timestamp))
                throw Error(lineNumber, OpenFaceLayout.TimestampSlot,
                    $"timestamp {Show(timestamp)} is not after {Show(previous.Timestamp)} (line {previous.Line}){whose}; timestamps must increase");
            if (frame <= previous.Frame)
                throw Error(lineNumber, OpenFaceLayout.FrameSlot,
                    $"frame {frame} is not after frame {previous.Frame} (line {previous.Line}){whose}; frame numbers must increase");
        }

        previousByFace[face] = new Previous(timestamp, frame, lineNumber);
    }

    private double Finite(ReadOnlySpan<byte> line, int slot, int lineNumber)
    {
        var cell = Utf8Number.Trim(line[cellStart[slot]..cellEnd[slot]]);
        if (!Utf8Number.TryParse(cell, out var value))
            throw Error(lineNumber, slot, $"{Utf8Number.Describe(cell)} is not a number; expected a finite decimal number");
        if (!double.IsFinite(value))
            throw Error(lineNumber, slot, $"{Utf8Number.Describe(cell)} is not finite; expected a finite decimal number");
        return value;
    }

    private int Integer(ReadOnlySpan<byte> line, int slot, int lineNumber)
    {
        var value = Finite(line, slot, lineNumber);
        if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue)
            throw Error(lineNumber, slot, $"{Show(value)} is not a whole number; expected an integer {layout.SlotName(slot)}");
        return (int)value;
    }

    private InputException Error(int lineNumber, int slot, string problem) =>
        new(file, $"line {lineNumber}, column {layout.SlotName(slot)}", problem);

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private readonly record struct Previous(double Timestamp, int Frame, int Line);
}
