namespace AgCc.LocalStack;

/// <summary>
/// Azurite, the Azure Storage emulator, pinned in deploy/azurite/package.json and run with node
/// directly (an npx PID is not the listener). Bound to 127.0.0.1 on free ports; in memory for
/// tests, or in a data folder so the stack's state survives restarts.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    // Azurite's well-known development account (public, documented by Microsoft).
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string ListeningLine = "successfully listening";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ManagedProcess process;
    private readonly string? dataFolder;
    private readonly string logPath;

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public int Pid => process.Pid;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    private AzuriteServer(ManagedProcess process, int[] ports, string? dataFolder, string logPath)
    {
        this.process = process;
        (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
        (this.dataFolder, this.logPath) = (dataFolder, logPath);
    }

    /// <summary>Starts Azurite; <paramref name="dataFolder"/> null keeps everything in memory.</summary>
    public static Task<AzuriteServer> StartAsync(string? dataFolder, string logPath, CancellationToken cancellationToken = default) =>
        StartAsync(dataFolder, logPath, fixedPorts: null, cancellationToken);

    /// <summary>
    /// Stops this Azurite (SIGTERM: it saves its data folder) and starts another on the same
    /// ports and folder, so clients holding the connection string reconnect (failure drills).
    /// </summary>
    public async Task<AzuriteServer> RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await process.DisposeAsync();
        return await StartAsync(dataFolder, logPath, [BlobPort, QueuePort, TablePort], cancellationToken);
    }

    private static async Task<AzuriteServer> StartAsync(string? dataFolder, string logPath, int[]? fixedPorts, CancellationToken cancellationToken)
    {
        var script = await AzuriteInstall.EnsureAsync(cancellationToken);
        // Another process may take a port between our choice and Azurite's bind: try again with new ones.
        for (var attempt = 1; ; attempt++)
        {
            var ports = fixedPorts ?? FreePorts.Take(3);
            var arguments = new List<string>
            {
                script,
                "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(),
                "--skipApiVersionCheck", "--silent", "--disableTelemetry",
            };
            if (dataFolder is null)
            {
                arguments.Add("--inMemoryPersistence");
            }
            else
            {
                Directory.CreateDirectory(dataFolder);
                arguments.AddRange(["--location", dataFolder]);
            }

            var seen = 0;
            var process = ManagedProcess.Start(
                "azurite", "node", arguments, new Dictionary<string, string>(), logPath,
                line => line.Contains(ListeningLine, StringComparison.Ordinal) && Interlocked.Increment(ref seen) == 3);
            try
            {
                await process.WaitReadyAsync(StartTimeout, cancellationToken);
                return new AzuriteServer(process, ports, dataFolder, logPath);
            }
            catch (InvalidOperationException) when (attempt < 3 && fixedPorts is null && process.Tail().Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                await process.DisposeAsync();
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }
        }
    }

    public Task StopAsync() => process.StopAsync(TimeSpan.FromSeconds(5));

    public ValueTask DisposeAsync() => process.DisposeAsync();
}

/// <summary>Installs the pinned Azurite from deploy/azurite's lockfile on first use (`npm ci`).</summary>
internal static class AzuriteInstall
{
    public static string Script => Path.Combine(RepositoryLayout.AzuriteFolder, "node_modules", "azurite", "dist", "src", "azurite.js");

    public static async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Script)) return Script;

        // Test projects run in parallel processes: one installs, the others wait on the lock file.
        var lockPath = Path.Combine(RepositoryLayout.AzuriteFolder, ".install.lock");
        await using var installLock = await AcquireAsync(lockPath, cancellationToken);
        if (File.Exists(Script)) return Script;

        var install = await ProcessRun.RunAsync(
            "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], workingDirectory: RepositoryLayout.AzuriteFolder,
            cancellationToken: cancellationToken);
        if (install.ExitCode != 0 || !File.Exists(Script))
            throw new InvalidOperationException(
                $"`npm ci` in {RepositoryLayout.AzuriteFolder} failed (exit {install.ExitCode}):\n{install.Output}{install.Errors}");
        return Script;
    }

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(delay, cancellationToken); // another process holds the install lock
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
    }
}
