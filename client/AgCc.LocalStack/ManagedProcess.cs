using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AgCc.LocalStack;

/// <summary>
/// A child process of the local stack: its output goes to a log file, readiness is a line it
/// prints, and it is stopped by its own PID (SIGTERM, then SIGKILL after a grace period).
/// </summary>
public sealed partial class ManagedProcess : IAsyncDisposable
{
    private const int SigInt = 2, SigKill = 9, SigTerm = 15;
    private const int TailLines = 40;

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Queue<string> tail = new();
    private readonly Func<string, bool> isReadyLine;
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; }
    public int Pid => process.Id;
    public string LogPath { get; }

    /// <summary>Completes with the first line for which the ready predicate holds.</summary>
    public Task<string> Ready => ready.Task;

    /// <summary>Completes when the process has exited and its output is drained.</summary>
    public Task Exited => exited.Task;

    /// <summary>The exit code, once <see cref="Exited"/> has completed.</summary>
    public int ExitCode => process.ExitCode;

    private ManagedProcess(string name, ProcessStartInfo start, string logPath, Func<string, bool> isReadyLine)
    {
        Name = name;
        LogPath = logPath;
        this.isReadyLine = isReadyLine;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
    }

    public static ManagedProcess Start(
        string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        string logPath, Func<string, bool> isReadyLine, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // a child must never read the launcher's terminal
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var managed = new ManagedProcess(name, start, logPath, isReadyLine);
        managed.log.WriteLine($"--- {DateTimeOffset.Now:O} starting {fileName} {string.Join(' ', start.ArgumentList)}");
        managed.process.Start();
        managed.process.BeginOutputReadLine();
        managed.process.BeginErrorReadLine();
        // WaitForExitAsync also waits for both output streams to drain, so no line is lost.
        _ = managed.process.WaitForExitAsync().ContinueWith(_ => managed.OnExited(), TaskScheduler.Default);
        return managed;
    }

    /// <summary>Whether a process of this id is running (any process, not only ours).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Waits for the ready line; fails with the output's tail if the process exits first or time runs out.</summary>
    public async Task<string> WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var finished = await Task.WhenAny(Ready, Exited, Task.Delay(timeout, cancellationToken));
        if (finished == Ready) return await Ready;
        cancellationToken.ThrowIfCancellationRequested();
        var why = finished == Exited ? $"exited with code {process.ExitCode} before it was ready" : $"was not ready after {timeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"{Name} (pid {Pid}) {why}; see {LogPath}. Last output:\n{Tail()}");
    }

    /// <summary>The last lines the process printed.</summary>
    public string Tail()
    {
        lock (tail) return string.Join('\n', tail);
    }

    /// <summary>Asks the process to stop (SIGTERM), and kills it when it has not exited within <paramref name="grace"/>.</summary>
    public Task StopAsync(TimeSpan grace) => SignalThenWaitAsync(SigTerm, grace);

    /// <summary>Interrupts the process as Ctrl-C in its terminal would (SIGINT), then as <see cref="StopAsync"/>.</summary>
    public Task InterruptAsync(TimeSpan grace) => SignalThenWaitAsync(SigInt, grace);

    private async Task SignalThenWaitAsync(int signal, TimeSpan grace)
    {
        if (Exited.IsCompleted) return;
        Signal(signal);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            Signal(SigKill);
            await Exited;
        }
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (Exited.IsCompleted) return;
        Signal(SigKill);
        await Exited;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
        await log.DisposeAsync();
    }

    private void Signal(int signal)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                process.Kill(entireProcessTree: true);
            }
            else if (SendSignal(process.Id, signal) != 0 && !process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null) return; // end of one stream; OnExited follows when both are drained
        lock (log) log.WriteLine(line);
        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > TailLines) tail.Dequeue();
        }
        if (!ready.Task.IsCompleted && isReadyLine(line)) ready.TrySetResult(line);
    }

    private void OnExited()
    {
        lock (log) log.WriteLine($"--- {DateTimeOffset.Now:O} exited with code {process.ExitCode}");
        exited.TrySetResult();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
