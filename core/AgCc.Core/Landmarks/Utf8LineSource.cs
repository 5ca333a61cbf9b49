using System.Buffers;

namespace AgCc.Core.Landmarks;

/// <summary>
/// Lines of a stream as UTF-8 spans over one reusable buffer (grown for a line longer than it), so
/// a 100 MB CSV is read without a string per line. A span is valid until the next call.
/// </summary>
internal sealed class Utf8LineSource(Stream stream) : IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int start;
    private int end;
    private bool eof;

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line without its line break (\n or \r\n); false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var searched = 0;
        while (true)
        {
            var pending = buffer.AsSpan(start + searched, end - start - searched);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = WithoutCarriageReturn(buffer.AsSpan(start, searched + newline));
                start += searched + newline + 1;
                LineNumber++;
                return true;
            }

            searched = end - start;
            if (eof)
            {
                if (start < end)
                {
                    line = WithoutCarriageReturn(buffer.AsSpan(start, end - start));
                    start = end;
                    LineNumber++;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0) eof = true;
        end += read;
    }

    private static ReadOnlySpan<byte> WithoutCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
