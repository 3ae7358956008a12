using Microsoft.Playwright;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, which .ci/run installs), driven by Playwright; Playwright's own browser
/// download cannot work here. Every request a page makes is kept, so a test can say none left 127.0.0.1.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _requests = [];

    private Browser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    /// <summary>Where screenshots go: the test output, beside the test assembly.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task<Browser> StartAsync()
    {
        const string Chromium = "/usr/bin/chromium";
        if (!File.Exists(Chromium)) throw new InvalidOperationException("These tests drive Debian's chromium: apt-get install chromium (or run .ci/run).");
        var playwright = await Playwright.CreateAsync();
        // The flags keep Chromium from reaching for Google's services, which this closed network refuses.
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A page of its own (own storage), 1400×1000.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        context.Request += (_, request) => { lock (_requests) _requests.Add(request.Url); };
        return await context.NewPageAsync();
    }

    /// <summary>Every URL any page asked for.</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>
    /// The whole page, or only what the window shows: a page thousands of rows tall takes Chromium longer to capture
    /// whole than a test's patience on a busy machine, and the window is what a user sees of it.
    /// </summary>
    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name), FullPage = fullPage });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
