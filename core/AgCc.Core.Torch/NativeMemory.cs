using System.Runtime.InteropServices;

namespace AgCc.Core.Torch;

/// <summary>
/// libtorch frees to glibc's malloc, which keeps the pages: without a periodic trim a training
/// loop's RSS creeps by gigabytes (docs/torchsharp.md). Trimming every few steps costs ~4%.
/// </summary>
public static partial class NativeMemory
{
    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    /// <summary>Returns freed heap memory to the OS; a no-op where glibc is absent.</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallocTrim(0);
        }
        catch (EntryPointNotFoundException)
        {
            // musl and other libcs have no malloc_trim; nothing to do there.
        }
        catch (DllNotFoundException)
        {
        }
    }
}
