using System.Security.Cryptography;
using System.Text;

namespace AgCc.Core.Torch.Training.Checkpoints;

/// <summary>
/// The binary container of a <see cref="TrainingCheckpoint"/>: magic "AGCCCK" (6 ASCII bytes), a
/// version (uint16), a section count (int32), then per section its name (BinaryWriter string:
/// 7-bit length, UTF-8), payload length (int64), SHA-256 of the payload (32 bytes) and the payload.
/// All integers are little-endian.
/// </summary>
/// <remarks>
/// Each section carries its own digest so that a damaged checkpoint is refused with the section at
/// fault named, instead of restoring a model whose weights were silently flipped on the way to
/// blob storage. Sections are looked up by name; ones a reader does not know are skipped, so a
/// later writer can add sections without breaking <see cref="TrainingCheckpoint.ReadModelOnly"/>.
/// </remarks>
internal static class CheckpointContainer
{
    public static ReadOnlySpan<byte> Magic => "AGCCCK"u8;

    public const ushort Version = 1;

    private const int DigestBytes = 32;

    public static byte[] Write(IReadOnlyList<(string Name, byte[] Payload)> sections)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(sections.Count);
            foreach (var (name, payload) in sections)
            {
                writer.Write(name);
                writer.Write((long)payload.Length);
                writer.Write(SHA256.HashData(payload));
                writer.Write(payload);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Every section of <paramref name="content"/> by name, each payload checked against its digest.</summary>
    /// <exception cref="InvalidDataException">Wrong magic or version, truncated, a duplicate section or a digest mismatch; the message names <paramref name="checkpointName"/>.</exception>
    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Read(byte[] content, string checkpointName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sections = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        using var stream = new MemoryStream(content, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var where = "header";
        try
        {
            if (content.Length < Magic.Length || !content.AsSpan(0, Magic.Length).SequenceEqual(Magic))
                throw Error(checkpointName, $"does not start with the magic \"AGCCCK\" ({content.Length} bytes); not a training checkpoint");
            stream.Position = Magic.Length;
            var version = reader.ReadUInt16();
            if (version != Version) throw Error(checkpointName, $"has format version {version}; this reader knows version {Version}");
            var count = reader.ReadInt32();
            if (count < 0) throw Error(checkpointName, $"declares {count} sections");
            for (var i = 0; i < count; i++)
            {
                where = $"section #{i}";
                var name = reader.ReadString();
                where = $"section '{name}'";
                var length = reader.ReadInt64();
                var digest = reader.ReadBytes(DigestBytes);
                if (digest.Length < DigestBytes) throw new EndOfStreamException();
                var remaining = content.Length - stream.Position;
                if (length < 0 || length > remaining)
                    throw Error(checkpointName, $"is truncated or damaged: section '{name}' declares {length} bytes, {remaining} remain");
                var payload = new ReadOnlyMemory<byte>(content, (int)stream.Position, (int)length);
                if (!SHA256.HashData(payload.Span).AsSpan().SequenceEqual(digest))
                    throw Error(checkpointName, $"is damaged: section '{name}' does not match its SHA-256 digest");
                if (!sections.TryAdd(name, payload)) throw Error(checkpointName, $"has section '{name}' twice");
                stream.Position += length;
            }
            if (stream.Position != content.Length)
                throw Error(checkpointName, $"has {content.Length - stream.Position} bytes after its last section");
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw Error(checkpointName, $"is truncated in its {where} ({content.Length} bytes)", e);
        }
        return sections;
    }

    /// <summary>The payload of section <paramref name="section"/>, or an error naming it when it is absent.</summary>
    public static ReadOnlyMemory<byte> Require(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> sections, string section, string checkpointName) =>
        sections.TryGetValue(section, out var payload)
            ? payload
            : throw Error(checkpointName, $"has no '{section}' section (it has: {string.Join(", ", sections.Keys.Select(k => $"'{k}'"))})");

    public static InvalidDataException Error(string checkpointName, string message, Exception? inner = null) =>
        new($"Checkpoint '{checkpointName}' {message}.", inner);
}
