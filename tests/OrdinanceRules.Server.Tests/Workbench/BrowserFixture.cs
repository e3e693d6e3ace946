using Microsoft.Playwright;

namespace OrdinanceRules.Server.Tests.Workbench;

/// <summary>One headless Chromium for a test class, driven by Playwright; starting it fails (never skips) when Chromium is missing.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Chromium.Find(Environment.GetEnvironmentVariable(Chromium.Variable), Environment.GetEnvironmentVariable("PATH"));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// The workbench open in a fresh browser context 800 pixels wide, with every request, console error and page error
/// recorded, and screenshots saved under artifacts/screenshots/workbench/ of the repository.
/// </summary>
internal sealed class WorkbenchPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _address;

    private WorkbenchPage(IBrowserContext context, IPage page, Uri address)
    {
        _context = context;
        _address = address;
        Page = page;
        page.Request += (_, request) => Requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => Errors.Add(error);
    }

    public static string ScreenshotFolder => Path.Combine(Repository.Root, "artifacts", "screenshots", "workbench");

    public IPage Page { get; }

    public List<string> Requests { get; } = [];

    public List<string> Errors { get; } = [];

    public static async Task<WorkbenchPage> OpenAsync(BrowserFixture browser, RunningServer server)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 800, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var workbench = new WorkbenchPage(context, page, server.Client.BaseAddress!);
        await page.GotoAsync(server.Client.BaseAddress!.ToString());
        return workbench;
    }

    public async Task ScreenshotAsync(string step)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, step + ".png"), FullPage = true });
    }

    /// <summary>Requests that went anywhere but the service itself (a download's blob of this origin is the page's own).</summary>
    public IEnumerable<string> ForeignRequests()
    {
        var origin = _address.GetLeftPart(UriPartial.Authority);
        return Requests.Where(url => !url.StartsWith(origin + "/", StringComparison.Ordinal) && !url.StartsWith("blob:" + origin + "/", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
