using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgCc.Browser.Tests;

/// <summary>
/// One browser tab on the dashboard: opens a page and waits until its Blazor circuit has rendered
/// it (the server's first render batch over the circuit's WebSocket: before that the page is the
/// prerendered HTML, which ignores clicks and typing), and takes checked full-page screenshots.
/// Console errors and page errors are collected for the test to report.
/// </summary>
public sealed class DashboardPage(IPage page, Uri dashboard, string screenshots) : IAsyncDisposable
{
    /// <summary>Opening a page and its circuit's first render on a loaded 2-core machine.</summary>
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);

    private readonly List<string> problems = [];
    private readonly List<string> shots = [];

    public IPage Page => page;

    public IReadOnlyList<string> Screenshots => shots;

    /// <summary>Console errors and uncaught page errors, as "URL: text".</summary>
    public IReadOnlyList<string> BrowserErrors
    {
        get
        {
            lock (problems) return [.. problems];
        }
    }

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri dashboard, string screenshots)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            // The gesture centres do not start animating by themselves: stable screenshots.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(30_000);
        var tab = new DashboardPage(await context.NewPageAsync(), dashboard, screenshots);
        tab.Page.Console += (_, message) =>
        {
            if (message.Type == "error") tab.Note($"console: {message.Text}");
        };
        tab.Page.PageError += (_, error) => tab.Note($"page error: {error}");
        tab.Page.Response += (_, response) =>
        {
            if (response.Status >= 400) tab.Note($"HTTP {response.Status} for {response.Url}");
        };
        return tab;
    }

    private void Note(string problem)
    {
        lock (problems) problems.Add($"{page.Url}: {problem}");
    }

    /// <summary>Opens <paramref name="path"/> (a full load) and waits for its circuit's first render.</summary>
    public async Task GotoAsync(string path)
    {
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Frame(object? sender, IWebSocketFrame frame)
        {
            var text = frame.Text ?? (frame.Binary is { } bytes ? Encoding.ASCII.GetString(bytes) : "");
            if (text.Contains("JS.RenderBatch", StringComparison.Ordinal)) rendered.TrySetResult();
        }
        void Socket(object? sender, IWebSocket socket)
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal)) socket.FrameReceived += Frame;
        }
        page.WebSocket += Socket;
        try
        {
            var response = await page.GotoAsync(new Uri(dashboard, path).ToString());
            Assert.True(response is { Ok: true }, $"{path}: HTTP {response?.Status}");
            await rendered.Task.WaitAsync(LoadTimeout);
        }
        finally
        {
            page.WebSocket -= Socket;
        }
    }

    /// <summary>A page's element by its data-testid.</summary>
    public ILocator TestId(string id) => page.GetByTestId(id);

    /// <summary>
    /// Checks that the page shows <paramref name="main"/> and no Blazor error UI (nor a
    /// reconnection dialog), then saves a full-page screenshot as NAME.png.
    /// </summary>
    public async Task ShotAsync(string name, ILocator main)
    {
        await Expect(main.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        var file = Path.Combine(screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        shots.Add(file);
    }

    public async ValueTask DisposeAsync() => await page.Context.DisposeAsync();
}
