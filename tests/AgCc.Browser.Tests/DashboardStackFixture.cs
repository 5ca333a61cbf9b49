using System.Diagnostics;
using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;
using AgCc.Grains.Corpora;
using AgCc.LocalStack;
using Microsoft.Playwright;

namespace AgCc.Browser.Tests;

/// <summary>
/// A real local stack (in-memory Azurite, one silo, the dashboard on free loopback ports) in a temp
/// home, the synthetic demo pair written there, registered and ingested through the client, and a
/// headless Chromium (Debian's, never a downloaded one) to drive the dashboard. The three start at once.
/// </summary>
public sealed class DashboardStackFixture : IAsyncLifetime
{
    public const string Source = "crema-d-synth";
    public const string Target = "msp-improv-synth";

    /// <summary>The browser: `AGCC_CHROMIUM` when set, else Debian's package.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("AGCC_CHROMIUM") is { Length: > 0 } given ? given : "/usr/bin/chromium";

    /// <summary>Where the screenshots go: TestResults/screenshots beside this project's sources (git-ignored).</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryLayout.Root, "tests", "AgCc.Browser.Tests", "TestResults", "screenshots");

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<string> timeline = [];
    private IPlaywright? playwright;

    public string Home { get; } = Directory.CreateTempSubdirectory("agcc-browser-").FullName;
    public RunningStack Stack { get; private set; } = null!;
    public AgCcClient Client { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri Dashboard => Stack.DashboardAddress;
    public string DataFolder => Path.Combine(Home, "synth");

    /// <summary>What happened when, since the fixture started (the test writes it to its output).</summary>
    public IReadOnlyList<string> Timeline
    {
        get
        {
            lock (timeline) return [.. timeline];
        }
    }

    public void Log(string line)
    {
        lock (timeline) timeline.Add($"{clock.Elapsed.TotalSeconds,6:0.0} s  {line}");
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"no Chromium at {ChromiumPath}: install Debian's chromium package or set AGCC_CHROMIUM to a Chromium binary (never `playwright install`)");

        Directory.CreateDirectory(ScreenshotFolder);
        foreach (var old in Directory.EnumerateFiles(ScreenshotFolder, "*.png")) File.Delete(old);

        var stack = StartStackAsync();
        var synth = Task.Run(() =>
        {
            SyntheticCorpora.Write(DataFolder, SynthesisPreset.Demo, seed: 0);
            Log("synthetic pair written");
        });
        var browser = StartBrowserAsync();
        await Task.WhenAll(stack, synth, browser);

        Client = await AgCcClient.ConnectAsync(Stack.Settings);
        await Client.AddCorpusAsync(Source, CorpusLayout.CremaD, Path.Combine(DataFolder, SyntheticCorpora.CremaDFolder));
        await Client.AddCorpusAsync(Target, CorpusLayout.MspImprov, Path.Combine(DataFolder, SyntheticCorpora.MspImprovFolder));
        Log("corpora registered");
        var ingested = await Task.WhenAll(Client.IngestAsync(Source), Client.IngestAsync(Target));
        foreach (var progress in ingested)
        {
            if (progress.State != IngestionState.Completed)
                throw new InvalidOperationException($"ingestion ended {progress.State}: {progress}");
        }
        Log($"both corpora ingested ({string.Join(", ", ingested.Select(p => p.Accepted))} utterances accepted)");
    }

    private async Task StartStackAsync()
    {
        Stack = await RunningStack.StartAsync(new LocalStackOptions { Home = Home, InMemoryStorage = true }, Log);
        Log($"stack up, dashboard at {Stack.DashboardAddress}");
    }

    private async Task StartBrowserAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox"],
            Headless = true,
        });
        Log($"Chromium {Browser.Version} started");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Client is not null) await Client.DisposeAsync();
        if (Stack is not null) await Stack.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open by a process on its way out: the temp folder is the OS's to clean.
        }
    }
}
