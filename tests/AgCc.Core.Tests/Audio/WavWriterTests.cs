using System.Buffers.Binary;
using AgCc.Core.Audio;

namespace AgCc.Core.Tests.Audio;

[Trait("Category", Categories.Unit)]
public class WavWriterTests
{
    [Theory]
    [InlineData("pcm16_mono_16k", WavEncoding.Pcm16)]
    [InlineData("float32_mono_44k1", WavEncoding.Float32)]
    public void Canonical_files_are_written_back_byte_for_byte(string name, WavEncoding encoding)
    {
        var original = AudioFixtures.WavBytes(name);
        var clip = WavReader.Read(AudioFixtures.Wav(name));
        var written = new MemoryStream();

        WavWriter.Write(written, clip, encoding);

        Assert.Equal(original, written.ToArray());
    }

    [Theory]
    [InlineData(WavEncoding.Pcm16, 16, 32768)]
    [InlineData(WavEncoding.Pcm24, 24, 8388608)]
    public void Pcm_round_trips_every_value_the_reader_returns(WavEncoding encoding, int bits, int full)
    {
        var random = new Random(7);
        var samples = new float[1001];
        for (var i = 0; i < samples.Length; i++) samples[i] = random.Next(-full, full) / (float)full;
        samples[0] = -1f;
        samples[1] = (full - 1) / (float)full;
        var clip = new AudioClip(samples, 22050);

        var read = RoundTrip(clip, encoding, out var info);

        Assert.Equal(samples, read.Samples);
        Assert.Equal(22050, read.SampleRate);
        Assert.Equal(new WavFormat(WavSampleFormat.Pcm, bits, bits, 1, 22050, false), info.Format);
    }

    [Fact]
    public void Float32_round_trips_exactly_including_values_beyond_full_scale()
    {
        var random = new Random(8);
        var samples = new float[999];
        for (var i = 0; i < samples.Length; i++) samples[i] = (float)(random.NextDouble() * 4 - 2);

        var read = RoundTrip(new AudioClip(samples, 16000), WavEncoding.Float32, out var info);

        Assert.Equal(samples, read.Samples);
        Assert.Equal(WavSampleFormat.Float, info.Format.SampleFormat);
    }

    [Fact]
    public void Pcm_rounds_half_to_even_and_clips()
    {
        float[] samples = [1f, 1.5f, -1f, -3f, 0.5f / 32768, 1.5f / 32768, -0.5f / 32768, float.NaN, 0.75f / 32768];

        var read = RoundTrip(new AudioClip(samples, 8000), WavEncoding.Pcm16, out _);

        float[] expected = [32767f / 32768, 32767f / 32768, -1f, -1f, 0f, 2f / 32768, 0f, 0f, 1f / 32768];
        Assert.Equal(expected, read.Samples);
    }

    [Theory]
    [InlineData(WavEncoding.Pcm16, 44, 2)]
    [InlineData(WavEncoding.Pcm24, 44, 3)]
    [InlineData(WavEncoding.Float32, 58, 4)]
    public void Sizes_in_the_header_are_exact_and_odd_data_is_padded(WavEncoding encoding, int header, int bytesPerSample)
    {
        var stream = new MemoryStream();

        WavWriter.Write(stream, new AudioClip(new float[101], 16000), encoding);

        var bytes = stream.ToArray();
        var data = 101 * bytesPerSample;
        var pad = data % 2;
        Assert.Equal(header + data + pad, bytes.Length);
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal((uint)data, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(header - 4)));
        Assert.Equal("data"u8.ToArray(), bytes[(header - 8)..(header - 4)]);
    }

    [Theory]
    [InlineData(WavEncoding.Pcm16)]
    [InlineData(WavEncoding.Pcm24)]
    [InlineData(WavEncoding.Float32)]
    public void Interleaved_channels_round_trip(WavEncoding encoding)
    {
        var audio = WavReader.ReadInterleaved(AudioFixtures.Wav("pcm16_stereo_44k1"));
        var stream = new MemoryStream();

        WavWriter.Write(stream, audio, encoding);
        stream.Position = 0;
        var read = WavReader.ReadInterleaved(stream, "stereo.wav");

        Assert.Equal(2, read.Channels);
        Assert.Equal(44100, read.SampleRate);
        Assert.Equal(audio.Samples, read.Samples);
    }

    [Fact]
    public void Writes_to_a_path_the_loader_reads()
    {
        var folder = Directory.CreateTempSubdirectory("agcc-audio-");
        try
        {
            var path = Path.Combine(folder.FullName, "clip.wav");
            var clip = WavReader.Read(AudioFixtures.Wav("pcm16_mono_16k"));

            WavWriter.Write(path, clip);

            Assert.Equal(clip.Samples, AudioLoader.Load(path).Samples);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Invalid_audio_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Write(new MemoryStream(), new AudioClip([0f], 0)));
        Assert.Throws<ArgumentException>(() => new InterleavedAudio(new float[3], 2, 16000));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Write(new MemoryStream(), new AudioClip([0f], 16000), (WavEncoding)9));
    }

    private static AudioClip RoundTrip(AudioClip clip, WavEncoding encoding, out WavInfo info)
    {
        var stream = new MemoryStream();
        WavWriter.Write(stream, clip, encoding);
        stream.Position = 0;
        info = WavReader.ReadInfo(stream, "round-trip.wav");
        stream.Position = 0;
        return WavReader.Read(stream, "round-trip.wav");
    }
}
