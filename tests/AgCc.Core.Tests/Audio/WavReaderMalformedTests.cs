using System.Buffers.Binary;
using AgCc.Core.Audio;
using AgCc.Core.Formats;

namespace AgCc.Core.Tests.Audio;

/// <summary>
/// Each case damages a good file in one way and expects an <see cref="InputException"/> naming the
/// file, the place and the problem. The good file is pcm16_mono_16k.wav, a canonical 44-byte header
/// (fmt at byte 12, its body at 20; data at 36, its samples at 44) and 1600 bytes of samples.
/// </summary>
[Trait("Category", Categories.Unit)]
public class WavReaderMalformedTests
{
    private const string Good = "pcm16_mono_16k";
    private const string File = "bad.wav";

    private sealed record Case(string Source, Func<byte[], byte[]> Damage, string? Location, string Problem);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["truncated data"] = new(Good, b => b[..^100], "chunk data",
            "declares 1600 bytes of samples at byte 44 but only 1500 bytes follow; the file is truncated"),
        ["data size past the end"] = new(Good, b => U32(b, 40, 5000), "chunk data",
            "declares 5000 bytes of samples at byte 44 but only 1600 bytes follow"),
        ["data size not whole frames"] = new(Good, b => U32(b, 40, 1599), "chunk data",
            "holds 1599 bytes, not a whole number of 2-byte frames"),
        ["empty data"] = new(Good, b => U32(b[..44], 40, 0), "chunk data",
            "the chunk is empty; expected at least one sample frame"),
        ["missing data"] = new(Good, b => Id(b, 36, "dat_"), "chunk data",
            "missing: there is no data chunk (chunks found: fmt, dat_)"),
        ["header cut inside the data chunk header"] = new(Good, b => b[..40], "chunk data",
            "missing: there is no data chunk (chunks found: fmt)"),
        ["missing fmt"] = new(Good, b => Id(b, 12, "fmx "), "chunk fmt",
            "missing: there is no fmt chunk (chunks found: fmx, data)"),
        ["fmt size too small"] = new(Good, b => U32(b, 16, 14), "chunk fmt",
            "the chunk is 14 bytes; expected at least 16"),
        ["fmt size past the end"] = new(Good, b => U32(b, 16, 100_000), "chunk fmt",
            "declares 100000 bytes at byte 20 but only 1624 remain in the file"),
        ["other chunk size past the end"] = new(Good, b => [.. b[..36], .. "LIST"u8, .. LittleEndian(99_999), .. b[36..]], "chunk LIST",
            "declares 99999 bytes at byte 44 but only 1608 remain in the file"),
        ["not RIFF"] = new(Good, b => Id(b, 0, "JUNK"), "byte 0",
            "expected 'RIFF', found 'JUNK': this is not a WAV file"),
        ["big-endian RIFX"] = new(Good, b => Id(b, 0, "RIFX"), "byte 0",
            "big-endian RIFX files are not supported"),
        ["RF64"] = new(Good, b => Id(b, 0, "RF64"), "byte 0",
            "RF64 (64-bit RIFF) files are not supported"),
        ["not WAVE"] = new(Good, b => Id(b, 8, "AVI "), "byte 8",
            "expected 'WAVE', found 'AVI ': this RIFF file is not a WAV file"),
        ["shorter than a header"] = new(Good, b => b[..10], "byte 0",
            "the file is 10 bytes; a WAV file begins with a 12-byte RIFF/WAVE header"),
        ["empty file"] = new(Good, _ => [], "byte 0",
            "the file is 0 bytes"),
        ["unsupported format tag"] = new(Good, b => U16(b, 20, 6), "chunk fmt",
            "unsupported format tag 0x0006 (A-law); expected 1 (PCM), 3 (IEEE float) or 0xFFFE (extensible)"),
        ["zero channels"] = new(Good, b => U16(b, 22, 0), "chunk fmt",
            "the file has 0 channels; expected at least 1"),
        ["zero sample rate"] = new(Good, b => U32(b, 24, 0), "chunk fmt",
            "the sample rate is 0 Hz; expected a positive rate"),
        ["unsupported PCM depth"] = new(Good, b => U16(b, 34, 12), "chunk fmt",
            "unsupported bit depth: 12-bit PCM; expected 8, 16, 24 or 32"),
        ["unsupported float depth"] = new(Good, b => U16(U16(b, 20, 3), 34, 16), "chunk fmt",
            "unsupported bit depth: 16-bit IEEE float; expected 32 or 64"),
        ["block align mismatch"] = new(Good, b => U16(b, 32, 4), "chunk fmt",
            "the block align is 4 bytes; expected 2 (1 channel(s) × 16 bits)"),
        ["extensible tag in a short fmt"] = new(Good, b => U16(b, 20, 0xFFFE), "chunk fmt",
            "an extensible format (tag 0xFFFE) needs a chunk of at least 40 bytes; this one is 16"),
        ["extensible with a foreign subformat GUID"] = new("ext_pcm24_stereo_48k", b => Id(b, 20 + 24 + 4, "XXXX"), "chunk fmt",
            "unsupported extensible subformat {00000001-5858-5858-8000-00aa00389b71}; expected PCM or IEEE float"),
        ["extensible with an unsupported subformat"] = new("ext_pcm24_stereo_48k", b => U16(b, 20 + 24, 2), "chunk fmt",
            "unsupported extensible subformat 0x0002 (Microsoft ADPCM); expected 1 (PCM) or 3 (IEEE float)"),
        ["extensible with a short extension"] = new("ext_pcm24_stereo_48k", b => U16(b, 20 + 16, 0), "chunk fmt",
            "the extension size (cbSize) is 0; expected at least 22"),
        ["extensible valid bits above the container"] = new("ext_pcm24_stereo_48k", b => U16(b, 20 + 18, 32), "chunk fmt",
            "32 valid bits per sample do not fit in 24-bit samples"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Damaged_files_are_rejected_with_the_place_and_the_problem(string name)
    {
        var (source, damage, location, problem) = Cases[name];
        var bytes = damage(AudioFixtures.WavBytes(source));

        var error = Assert.Throws<InputException>(() => WavReader.Read(new MemoryStream(bytes), File));

        Assert.Equal(File, error.File);
        Assert.Equal(location, error.Location);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith($"{File}: {location}: ", error.Message);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Info_and_interleaved_reads_reject_the_same_files(string name)
    {
        var (source, damage, location, _) = Cases[name];
        var bytes = damage(AudioFixtures.WavBytes(source));

        Assert.Equal(location, Assert.Throws<InputException>(() => WavReader.ReadInfo(new MemoryStream(bytes), File)).Location);
        Assert.Equal(location, Assert.Throws<InputException>(() => WavReader.ReadInterleaved(new MemoryStream(bytes), File)).Location);
    }

    [Fact]
    public void Errors_from_a_path_name_the_path()
    {
        var folder = Directory.CreateTempSubdirectory("agcc-audio-");
        try
        {
            var path = Path.Combine(folder.FullName, "cut.wav");
            System.IO.File.WriteAllBytes(path, AudioFixtures.WavBytes(Good)[..^100]);

            var error = Assert.Throws<InputException>(() => AudioLoader.Load(path));

            Assert.Equal(path, error.File);
            Assert.StartsWith($"{path}: chunk data: ", error.Message);
            Assert.Contains("1600 bytes", error.Message);
            Assert.Contains("1500 bytes", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_is_an_io_error_not_bad_input()
    {
        Assert.Throws<FileNotFoundException>(() => WavReader.Read(Path.Combine(AudioFixtures.Folder, "no-such.wav")));
    }

    private static byte[] U32(byte[] bytes, int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);
        return bytes;
    }

    private static byte[] U16(byte[] bytes, int offset, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), value);
        return bytes;
    }

    private static byte[] Id(byte[] bytes, int offset, string id)
    {
        for (var i = 0; i < 4; i++) bytes[offset + i] = (byte)id[i];
        return bytes;
    }

    private static byte[] LittleEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
