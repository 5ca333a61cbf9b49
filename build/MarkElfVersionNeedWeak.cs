using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on the Vernaux entry named <see cref="VersionName"/> in the
/// .gnu.version_r section of 64-bit little-endian ELF files, so a missing version of a
/// needed library is a warning for the dynamic loader instead of an error.
/// </summary>
public sealed class MarkElfVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            try
            {
                var bytes = File.ReadAllBytes(path);
                var outcome = Patch(bytes);
                if (outcome == "patched")
                {
                    File.WriteAllBytes(path, bytes);
                    Log.LogMessage(MessageImportance.Normal, $"{path}: marked {VersionName} weak");
                }
                else
                {
                    Log.LogMessage(MessageImportance.Low, $"{path}: {outcome}");
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                Log.LogError($"{path}: cannot mark {VersionName} weak: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private string Patch(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("expected a 64-bit little-endian ELF file");

        var sectionHeaders = (long)U64(elf, 0x28);
        int headerSize = U16(elf, 0x3A), sectionCount = U16(elf, 0x3C);
        for (var s = 0; s < sectionCount; s++)
        {
            var sh = sectionHeaders + (long)s * headerSize;
            if (U32(elf, sh + 4) != ShtGnuVerneed) continue;

            var offset = (long)U64(elf, sh + 0x18);
            var stringTable = sectionHeaders + (long)U32(elf, sh + 0x28) * headerSize;
            var strings = (long)U64(elf, stringTable + 0x18);
            var needCount = U32(elf, sh + 0x2C);

            var need = offset;
            for (var n = 0; n < needCount; n++)
            {
                var auxCount = U16(elf, need + 2);
                var aux = need + U32(elf, need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    if (CString(elf, strings + U32(elf, aux + 8)) == VersionName)
                    {
                        var flags = U16(elf, aux + 4);
                        if ((flags & VerFlgWeak) != 0) return "already weak";
                        var patched = (ushort)(flags | VerFlgWeak);
                        elf[aux + 4] = (byte)patched;
                        elf[aux + 5] = (byte)(patched >> 8);
                        return "patched";
                    }
                    aux += U32(elf, aux + 12);
                }
                need += U32(elf, need + 12);
            }
            return $"no requirement on {VersionName}";
        }
        return "no .gnu.version_r section";
    }

    private static ushort U16(byte[] b, long i) => (ushort)(b[i] | b[i + 1] << 8);
    private static uint U32(byte[] b, long i) => (uint)(b[i] | b[i + 1] << 8 | b[i + 2] << 16 | b[i + 3] << 24);
    private static ulong U64(byte[] b, long i) => U32(b, i) | (ulong)U32(b, i + 4) << 32;

    private static string CString(byte[] b, long i)
    {
        var end = i;
        while (end < b.Length && b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, (int)i, (int)(end - i));
    }
}
