using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace OrdinanceRules.Hosting;

/// <summary>
/// Loads the catalogue when the host starts, then, when <see cref="OrdinanceRulesOptions.WatchForChanges"/> is on,
/// watches the folder and reloads once per burst of changes, after <see cref="OrdinanceRulesOptions.ReloadDelay"/>.
/// </summary>
internal sealed class CatalogWatcher : IHostedService, IDisposable
{
    private readonly OrdinanceCatalog _catalog;
    private readonly OrdinanceRulesOptions _options;
    private readonly ILogger<OrdinanceCatalog> _logger;
    private readonly TimeProvider _time;
    private PhysicalFileProvider? _files;
    private IDisposable? _subscription;
    private ITimer? _timer;

    public CatalogWatcher(OrdinanceCatalog catalog, IOptions<OrdinanceRulesOptions> options, ILogger<OrdinanceCatalog> logger, TimeProvider time)
    {
        _catalog = catalog;
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _catalog.Reload();
        if (_options.WatchForChanges)
        {
            _timer = _time.CreateTimer(_ => _catalog.Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _files = new PhysicalFileProvider(Path.GetFullPath(_options.Folder))
            {
                UsePollingFileWatcher = _options.UsePolling,
                UseActivePolling = _options.UsePolling,
            };
            _subscription = ChangeToken.OnChange(() => _files.Watch("**/*"), OnChange);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
        _timer?.Dispose();
        _timer = null;
        _files?.Dispose();
        _files = null;
    }

    private void OnChange()
    {
        Log.ChangeDetected(_logger, _options.Folder, _options.ReloadDelay);

        // Each change pushes the reload back: a save that writes a file in several steps reloads once, at the end.
        _timer?.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
    }
}
