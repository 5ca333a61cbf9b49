using System.Buffers.Binary;
using AgCc.Core.Audio;

namespace AgCc.Core.Tests.Audio;

[Trait("Category", Categories.Unit)]
public class WavReaderTests
{
    [Theory]
    [InlineData("pcm8_mono_8k", WavSampleFormat.Pcm, 8, 1, 8000, false)]
    [InlineData("pcm16_mono_16k", WavSampleFormat.Pcm, 16, 1, 16000, false)]
    [InlineData("pcm16_stereo_44k1", WavSampleFormat.Pcm, 16, 2, 44100, false)]
    [InlineData("pcm24_mono_48k", WavSampleFormat.Pcm, 24, 1, 48000, false)]
    [InlineData("pcm32_mono_22k05", WavSampleFormat.Pcm, 32, 1, 22050, false)]
    [InlineData("float32_mono_44k1", WavSampleFormat.Float, 32, 1, 44100, false)]
    [InlineData("float64_stereo_48k", WavSampleFormat.Float, 64, 2, 48000, false)]
    [InlineData("ext_pcm24_stereo_48k", WavSampleFormat.Pcm, 24, 2, 48000, true)]
    [InlineData("ext_float32_mono_22k05", WavSampleFormat.Float, 32, 1, 22050, true)]
    [InlineData("ext_pcm16_6ch_8k", WavSampleFormat.Pcm, 16, 6, 8000, true)]
    [InlineData("chunks_pcm16_mono_16k", WavSampleFormat.Pcm, 16, 1, 16000, false)]
    public void Decodes_every_encoding_to_the_values_written(string name, WavSampleFormat sampleFormat, int bits, int channels, int rate, bool extensible)
    {
        var expected = AudioFixtures.Expected(name);

        var clip = WavReader.Read(AudioFixtures.Wav(name));
        var info = WavReader.ReadInfo(AudioFixtures.Wav(name));

        Assert.Equal(rate, clip.SampleRate);
        Assert.Equal(expected, clip.Samples); // exact: the mean of the channels, rounded once
        Assert.Equal(new WavFormat(sampleFormat, bits, bits, channels, rate, extensible), info.Format);
        Assert.Equal(expected.Length, info.FrameCount);
        Assert.Equal((double)expected.Length / rate, info.Duration, 12);
    }

    [Fact]
    public void Integer_full_scale_maps_to_minus_one_and_just_under_one()
    {
        var pcm16 = WavReader.Read(AudioFixtures.Wav("pcm16_mono_16k")).Samples;
        var pcm8 = WavReader.Read(AudioFixtures.Wav("pcm8_mono_8k")).Samples;
        var pcm24 = WavReader.Read(AudioFixtures.Wav("pcm24_mono_48k")).Samples;

        Assert.Equal([-1f, 32767f / 32768], pcm16[..2]);
        Assert.Equal([-1f, 127f / 128], pcm8[..2]);
        Assert.Equal([-1f, 8388607f / 8388608], pcm24[..2]);
    }

    [Fact]
    public void Floats_beyond_full_scale_are_kept()
    {
        var samples = WavReader.Read(AudioFixtures.Wav("float32_mono_44k1")).Samples;

        Assert.Equal([-1f, 1f, 0f, 1.25f], samples[..4]);
    }

    [Fact]
    public void Interleaved_keeps_the_channels_whose_mean_is_the_mono_mix()
    {
        var audio = WavReader.ReadInterleaved(AudioFixtures.Wav("pcm16_stereo_44k1"));
        var mono = AudioFixtures.Expected("pcm16_stereo_44k1");

        Assert.Equal(2, audio.Channels);
        Assert.Equal(44100, audio.SampleRate);
        Assert.Equal(mono.Length, audio.FrameCount);
        Assert.Equal([-1f, -1f, 32767f / 32768, 32767f / 32768], audio.Samples[..4]);
        for (var f = 0; f < audio.FrameCount; f++)
            Assert.Equal(mono[f], (float)(((double)audio.Samples[2 * f] + audio.Samples[2 * f + 1]) / 2));
    }

    [Fact]
    public void Six_channels_mix_down_by_their_mean()
    {
        var audio = WavReader.ReadInterleaved(AudioFixtures.Wav("ext_pcm16_6ch_8k"));
        var mono = WavReader.Read(AudioFixtures.Wav("ext_pcm16_6ch_8k")).Samples;

        Assert.Equal(6, audio.Channels);
        for (var f = 0; f < audio.FrameCount; f++)
        {
            var sum = 0.0;
            for (var c = 0; c < 6; c++) sum += audio.Samples[6 * f + c];
            Assert.Equal((float)(sum / 6), mono[f]);
        }
    }

    [Fact]
    public void Reads_a_stream_from_its_current_position()
    {
        var wav = AudioFixtures.WavBytes("pcm16_mono_16k");
        var stream = new MemoryStream([.. new byte[100], .. wav]) { Position = 100 };

        var clip = WavReader.Read(stream, "embedded.wav");

        Assert.Equal(AudioFixtures.Expected("pcm16_mono_16k"), clip.Samples);
    }

    [Fact]
    public void Reads_a_stream_that_cannot_seek()
    {
        var stream = new ForwardOnlyStream(AudioFixtures.WavBytes("ext_pcm24_stereo_48k"));

        var clip = WavReader.Read(stream, "pipe");

        Assert.Equal(AudioFixtures.Expected("ext_pcm24_stereo_48k"), clip.Samples);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(36u)]
    public void The_riff_size_is_not_trusted(uint riffSize)
    {
        var wav = AudioFixtures.WavBytes("pcm16_mono_16k");
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), riffSize);

        var clip = WavReader.Read(new MemoryStream(wav), "riff.wav");

        Assert.Equal(AudioFixtures.Expected("pcm16_mono_16k"), clip.Samples);
    }

    [Fact]
    public void A_streaming_writers_unknown_data_size_runs_to_the_end_of_whole_frames()
    {
        var wav = AudioFixtures.WavBytes("pcm16_mono_16k");
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), 0xFFFFFFFF);
        byte[] withStrayByte = [.. wav, 0x7F];

        var clip = WavReader.Read(new MemoryStream(withStrayByte), "streamed.wav");

        Assert.Equal(AudioFixtures.Expected("pcm16_mono_16k"), clip.Samples);
    }

    [Fact]
    public void Odd_chunks_are_padded_and_a_missing_pad_byte_is_tolerated()
    {
        var wav = AudioFixtures.WavBytes("pcm16_mono_16k");
        byte[] odd = [.. "note"u8, 3, 0, 0, 0, .. "abc"u8];
        byte[] padded = [.. wav[..36], .. odd, 0, .. wav[36..]];
        byte[] unpadded = [.. wav[..36], .. odd, .. wav[36..]];

        Assert.Equal(AudioFixtures.Expected("pcm16_mono_16k"), WavReader.Read(new MemoryStream(padded), "padded.wav").Samples);
        Assert.Equal(AudioFixtures.Expected("pcm16_mono_16k"), WavReader.Read(new MemoryStream(unpadded), "unpadded.wav").Samples);
    }

    [Fact]
    public void An_odd_sized_data_chunk_is_read_with_its_pad_byte_after_it()
    {
        var wav = AudioFixtures.WavBytes("pcm8_mono_8k");

        Assert.Equal(801u, BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(40)));
        Assert.Equal(44 + 801 + 1, wav.Length);
        Assert.Equal(801, WavReader.ReadInfo(new MemoryStream(wav), "u8.wav").FrameCount);
    }

    [Fact]
    public void Data_before_fmt_is_found()
    {
        var wav = AudioFixtures.WavBytes("pcm16_mono_16k");
        byte[] swapped = [.. wav[..12], .. wav[36..], .. wav[12..36]];

        Assert.Equal(AudioFixtures.Expected("pcm16_mono_16k"), WavReader.Read(new MemoryStream(swapped), "swapped.wav").Samples);
    }

    [Fact]
    public void Extensible_valid_bits_below_the_container_are_reported_and_scaled_by_the_container()
    {
        var wav = AudioFixtures.WavBytes("ext_pcm24_stereo_48k");
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20 + 18), 20);

        var info = WavReader.ReadInfo(new MemoryStream(wav), "20bit.wav");
        var clip = WavReader.Read(new MemoryStream(wav), "20bit.wav");

        Assert.Equal(20, info.Format.ValidBitsPerSample);
        Assert.Equal(24, info.Format.BitsPerSample);
        Assert.Equal(AudioFixtures.Expected("ext_pcm24_stereo_48k"), clip.Samples);
    }

    /// <summary>A read-only stream without Seek, Length or Position, like a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
