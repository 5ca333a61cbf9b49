using System.Buffers.Binary;

namespace AgCc.Core.Tests.Audio;

/// <summary>The files of Fixtures/Audio (made by make_audio_fixtures.py; see its README).</summary>
internal static class AudioFixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Audio");

    public static string Wav(string name) => Path.Combine(Folder, name + ".wav");

    public static byte[] WavBytes(string name) => File.ReadAllBytes(Wav(name));

    /// <summary>The mono samples the script wrote into NAME.wav (NAME.f32).</summary>
    public static float[] Expected(string name) => ReadFloats(name + ".f32");

    /// <summary>torchaudio's resampling of <see cref="Expected"/> to <paramref name="rate"/> Hz.</summary>
    public static float[] Resampled(string name, int rate) => ReadFloats($"{name}.to{rate}.f32");

    private static float[] ReadFloats(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i));
        return values;
    }
}
