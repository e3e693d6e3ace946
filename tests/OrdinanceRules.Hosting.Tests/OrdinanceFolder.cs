namespace OrdinanceRules.Hosting.Tests;

/// <summary>A folder of its own for one test, with copies of bundled ordinances, deleted afterwards.</summary>
internal sealed class OrdinanceFolder : IDisposable
{
    public OrdinanceFolder(params string[] samples)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ordinance-hosting-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var sample in samples)
        {
            System.IO.File.Copy(Repository.Ordinance(sample), File(sample));
        }
    }

    public string Path { get; }

    public string File(string id) => System.IO.Path.Combine(Path, id + ".yaml");

    /// <summary>
    /// Edits the ordinance so that it no longer loads: its first <c>modality: prohibition</c> becomes <c>forbidden</c>.
    /// Returns the line and column of the bad value.
    /// </summary>
    public (int Line, int Column) Break(string id)
    {
        var lines = System.IO.File.ReadAllLines(File(id));
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("modality: prohibition", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("prohibition", "forbidden", StringComparison.Ordinal);
        System.IO.File.WriteAllText(File(id), string.Join('\n', lines) + "\n");
        return (index + 1, lines[index].IndexOf("forbidden", StringComparison.Ordinal) + 1);
    }

    /// <summary>Restores the bundled text of the ordinance.</summary>
    public void Restore(string id) => System.IO.File.Copy(Repository.Ordinance(id), File(id), overwrite: true);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>The repository's own files, found from the test's output folder.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "OrdinanceRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrdinanceRules.sln not found above the test folder.");
    });

    public static string Root => RootPath.Value;

    public static string Ordinance(string id) => System.IO.Path.Combine(Root, "samples", "ordinances", id + ".yaml");

    public static string Scenario(string name) => System.IO.Path.Combine(Root, "samples", "scenarios", "roeland-park", name + ".yaml");
}

/// <summary>Keeps every log entry written, for tests to read.</summary>
internal sealed class CapturingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(int EventId, Microsoft.Extensions.Logging.LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(int EventId, Microsoft.Extensions.Logging.LogLevel Level, string Message)> Entries => [.. _entries];

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<(int, Microsoft.Extensions.Logging.LogLevel, string)> entries) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }
}

/// <summary>Waits for something that a file watcher makes happen.</summary>
internal static class Eventually
{
    public static async Task<T> Until<T>(Func<T> read, Func<T, bool> done, string what)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(100))
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited 20 s for {what}.");
    }
}
