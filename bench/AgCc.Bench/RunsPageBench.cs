using System.Diagnostics;
using AgCc.Grains.Training;
using AgCc.Hosting;
using AgCc.LocalStack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// The Runs page with many finished runs, in Debian's Chromium: time from navigation to the grid's
/// first page of rows on screen, with the run index empty (the reference: the page's own cost)
/// and then holding N finished runs (default 200). The index is filled with finished runs'
/// summaries directly (training 200 runs is not what is measured).
/// </summary>
public static class RunsPageBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Int(args, "--runs", 200);
        var loads = Int(args, "--loads", 5);
        var chromium = Environment.GetEnvironmentVariable("AGCC_CHROMIUM") ?? "/usr/bin/chromium";
        var home = Directory.CreateTempSubdirectory("agcc-bench-").FullName;
        try
        {
            await using var stack = await RunningStack.StartAsync(new LocalStackOptions { Home = home, Silos = 1, InMemoryStorage = true }, _ => { });
            using var host = await ConnectAsync(stack.Settings);
            var index = host.Services.GetRequiredService<IClusterClient>().GetGrain<IRunIndexGrain>(RunIndexKeys.All);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Args = ["--no-sandbox"], Headless = true });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
            var url = new Uri(stack.DashboardAddress, "/runs").ToString();
            Console.WriteLine($"runs page bench: {url} in {chromium}; {Environment.ProcessorCount} cores; median of {loads} loads after a warm-up");

            var empty = await MedianLoadAsync(page, url, "[data-testid=no-runs]", loads);
            Console.WriteLine($"  no runs (reference)       {empty.TotalMilliseconds,7:0} ms to the empty grid");

            var finished = DateTimeOffset.UtcNow;
            for (var i = 0; i < runs; i++) await index.Upsert(Summary(i, finished));
            var full = await MedianLoadAsync(page, url, "[data-testid=run-link]", loads);
            var shown = await page.Locator("[data-testid=run-link]").CountAsync();
            Console.WriteLine($"  {runs} finished runs         {full.TotalMilliseconds,7:0} ms to the first page ({shown} rows)");
            Console.WriteLine($"  ratio {full / empty:0.00}×; bar: first page under 1 s: {(full < TimeSpan.FromSeconds(1) ? "met" : "NOT met")}");
            return 0;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Loads <paramref name="url"/> until <paramref name="ready"/> is visible, once to warm up and then <paramref name="loads"/> times; the median.</summary>
    private static async Task<TimeSpan> MedianLoadAsync(IPage page, string url, string ready, int loads)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i <= loads; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(url);
            await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
            if (i > 0) times.Add(watch.Elapsed);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static RunSummary Summary(int i, DateTimeOffset finished)
    {
        string[] methods = ["baseline", "pa-cc", "la-cc", "ag-cc"];
        var started = finished.AddMinutes(-10 - i);
        return new RunSummary(
            $"{methods[i % 4]}-4class-crema-d-to-msp-improv-s{i}-{i:x8}", TrainingRunState.Completed, methods[i % 4], i % 2 == 0 ? "4class" : "arousal",
            "crema-d", "msp-improv", [$"batch-{i / 50}", "bench"], 70, 70, 0.5 + i % 30 / 100.0, 0.4 + i % 25 / 100.0, started.AddSeconds(-5), started, finished.AddMinutes(-i));
    }

    private static async Task<IHost> ConnectAsync(AgCcSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseAgCcCluster(settings));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
