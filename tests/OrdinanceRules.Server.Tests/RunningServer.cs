using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OrdinanceRules.Hosting;

namespace OrdinanceRules.Server.Tests;

/// <summary>
/// The application <c>ordinance serve</c> runs, started for one test on a free loopback port (real Kestrel, real HTTP),
/// over a folder of its own holding copies of bundled ordinances; stopped and deleted afterwards.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri address, OrdinanceFolder folder)
    {
        _app = app;
        Folder = folder;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public OrdinanceFolder Folder { get; }

    public static async Task<RunningServer> StartAsync(Action<OrdinanceServerOptions>? configure = null, params string[] ordinances)
    {
        var folder = new OrdinanceFolder(ordinances.Length == 0 ? ["roeland-park-ks", "lawrence-ks"] : ordinances);
        var app = OrdinanceServer.Build(
            o =>
            {
                o.Folder = folder.Path;
                o.ReloadDelay = TimeSpan.FromMilliseconds(100);
            },
            configure,
            port: 0);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningServer(app, new Uri(address), folder);
    }

    /// <summary>
    /// The same service composed from the package's public parts (AddOrdinanceRules, AddOrdinanceServer,
    /// MapOrdinanceServer) with the given clock, for a test that must not depend on how fast the machine is.
    /// </summary>
    public static async Task<RunningServer> StartWithClockAsync(TimeProvider clock, Action<OrdinanceServerOptions> configure)
    {
        var folder = new OrdinanceFolder("roeland-park-ks");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddSingleton(clock);
        builder.Services.AddOrdinanceRules(o => o.Folder = folder.Path);
        builder.Services.AddOrdinanceServer(configure);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapOrdinanceServer();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningServer(app, new Uri(address), folder);
    }

    /// <summary>POSTs a body with a content type to a path with its query.</summary>
    public Task<HttpResponseMessage> PostAsync(string pathAndQuery, string body, string contentType = "application/yaml")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return Client.PostAsync(pathAndQuery, content);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Folder.Dispose();
    }
}

/// <summary>A clock whose every timer is already due: a time limit set with it has passed the moment it is set.</summary>
internal sealed class ElapsedClock : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        callback(state);
        return new Spent();
    }

    private sealed class Spent : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>A folder of its own for one test, with copies of bundled ordinances, deleted afterwards.</summary>
internal sealed class OrdinanceFolder : IDisposable
{
    public OrdinanceFolder(params string[] ordinances)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ordinance-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var id in ordinances)
        {
            System.IO.File.Copy(Repository.Ordinance(id), File(id));
        }
    }

    public string Path { get; }

    public string File(string id) => System.IO.Path.Combine(Path, id + ".yaml");

    /// <summary>Edits the ordinance so that it no longer loads (its first prohibition's modality becomes <c>forbidden</c>); returns where.</summary>
    public (int Line, int Column) Break(string id)
    {
        var lines = System.IO.File.ReadAllLines(File(id));
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("modality: prohibition", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("prohibition", "forbidden", StringComparison.Ordinal);
        System.IO.File.WriteAllText(File(id), string.Join('\n', lines) + "\n");
        return (index + 1, lines[index].IndexOf("forbidden", StringComparison.Ordinal) + 1);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temporary folder is cleaned by the system.
        }
    }
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

    public static string Ordinance(string id) => Path.Combine(RootPath.Value, "samples", "ordinances", id + ".yaml");

    public static string Scenario(string name) => File.ReadAllText(Path.Combine(RootPath.Value, "samples", "scenarios", "roeland-park", name + ".yaml"));
}

/// <summary>Waits for something that happens in the background, such as a reload.</summary>
internal static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var last = default(T);
        for (var i = 0; i < 200; i++)
        {
            last = await read();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"waited 10 s for {what}; last seen: {last}");
    }
}
