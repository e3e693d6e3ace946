using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OrdinanceRules.Server;

namespace OrdinanceRules.Benchmarks;

/// <summary>
/// The `load` mode of the benchmarks program (benchmarks/README.md): the decision service on 127.0.0.1 driven by
/// concurrent clients for a fixed time, a warm-up first. Each client POSTs the bundled Roeland Park scenarios in turn
/// to <c>/v1/check</c> and waits for the whole answer before the next. It prints the throughput, the latency's
/// percentiles and, when it started the server itself, the server's CPU time and memory. Not BenchmarkDotNet, which
/// measures a mean per operation, not the spread of many concurrent ones; not a test: nothing here is asserted.
/// </summary>
internal static class LoadTest
{
    private const string Synopsis = "load [--clients N] [--seconds N] [--warmup N] [--in-process | --url URL]";

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = 8;
        var seconds = 30;
        var warmup = 5;
        var inProcess = false;
        string? url = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--clients" when i + 1 < args.Length:
                    clients = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seconds" when i + 1 < args.Length:
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--warmup" when i + 1 < args.Length:
                    warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--in-process":
                    inProcess = true;
                    break;
                case "--url" when i + 1 < args.Length:
                    url = args[++i].TrimEnd('/');
                    break;
                default:
                    await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'; usage: {Synopsis}");
                    return 2;
            }
        }

        await using var server = url is not null ? new Server(url, null, "the service at " + url)
            : inProcess ? await Server.StartInProcessAsync()
            : Server.StartProcess();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { Timeout = TimeSpan.FromSeconds(60) };
        await WaitUntilReadyAsync(http, server.Url);
        var scenarios = await ScenariosAsync(http, server.Url);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{server.Description}: {scenarios.Count} bundled Roeland Park scenarios, {clients} clients, {warmup} s warm-up, {seconds} s measured"));

        await DriveAsync(http, server.Url, scenarios, clients, TimeSpan.FromSeconds(warmup));
        var before = server.Sample();
        var run = await DriveAsync(http, server.Url, scenarios, clients, TimeSpan.FromSeconds(seconds));
        var after = server.Sample();

        var latencies = run.Latencies.Order().ToArray();
        var throughput = latencies.Length / run.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests: {latencies.Length} in {run.Elapsed.TotalSeconds:F1} s, {run.Failures} not answered 200"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {throughput:F0} requests/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency: p50 {Milliseconds(latencies, 0.50):F1} ms, p90 {Milliseconds(latencies, 0.90):F1} ms, p99 {Milliseconds(latencies, 0.99):F1} ms, max {Milliseconds(latencies, 1):F1} ms"));
        if (before is { } b && after is { } a)
        {
            var cpu = (a.Cpu - b.Cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{server.Measured} CPU: {cpu:F1} s in {run.Elapsed.TotalSeconds:F1} s ({cpu / run.Elapsed.TotalSeconds:F2} cores), {latencies.Length / cpu:F0} requests per CPU-second"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{server.Measured} memory: working set {Mebibytes(b.WorkingSet)} MiB after the warm-up, {Mebibytes(a.WorkingSet)} MiB at the end, peak {Mebibytes(a.PeakWorkingSet)} MiB"));
        }

        return run.Failures == 0 ? 0 : 1;
    }

    private static double Milliseconds(long[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(quantile * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

    private static long Mebibytes(long bytes) => bytes / (1024 * 1024);

    private static async Task WaitUntilReadyAsync(HttpClient http, string url)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync(new Uri(url + "/readyz"));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException(url + "/readyz did not answer 200 within 60 s");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The bundled scenarios the service answers with a report (200), as YAML bodies; each checked once.</summary>
    private static async Task<List<byte[]>> ScenariosAsync(HttpClient http, string url)
    {
        var scenarios = new List<byte[]>();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(RoelandPark.ScenarioPath("x.yaml"))!, "*.yaml").Order(StringComparer.Ordinal))
        {
            var body = await File.ReadAllBytesAsync(file);
            using var answer = await http.SendAsync(Check(url, body));
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                scenarios.Add(body);
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"left out {Path.GetFileName(file)}: {(int)answer.StatusCode}"));
            }
        }

        return scenarios.Count > 0 ? scenarios : throw new InvalidOperationException("the service answered no bundled scenario with 200");
    }

    private static HttpRequestMessage Check(string url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        return new HttpRequestMessage(HttpMethod.Post, new Uri(url + "/v1/check?ordinance=roeland-park-ks")) { Content = content };
    }

    private sealed record Run(TimeSpan Elapsed, List<long> Latencies, int Failures);

    /// <summary>Each client sends one request after another, starting at its own scenario, until the time is up.</summary>
    private static async Task<Run> DriveAsync(HttpClient http, string url, List<byte[]> scenarios, int clients, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            var failures = 0;
            for (var n = c; Stopwatch.GetTimestamp() < end; n++)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var request = Check(url, scenarios[n % scenarios.Count]);
                    using var answer = await http.SendAsync(request);
                    await answer.Content.ReadAsByteArrayAsync();
                    if (answer.StatusCode != HttpStatusCode.OK)
                    {
                        failures++;
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    failures++;
                    continue;
                }

                latencies.Add(Stopwatch.GetTimestamp() - start);
            }

            return (latencies, failures);
        })));
        return new Run(clock.Elapsed, [.. results.SelectMany(r => r.latencies)], results.Sum(r => r.failures));
    }

    private readonly record struct Usage(TimeSpan Cpu, long WorkingSet, long PeakWorkingSet);

    /// <summary>The service driven: a child process, this process, or one running elsewhere (nothing to sample).</summary>
    private sealed class Server(string url, Func<Usage>? sample, string description, Func<ValueTask>? stop = null) : IAsyncDisposable
    {
        public string Url => url;

        public string Description => description;

        public string Measured => description.StartsWith("in process", StringComparison.Ordinal) ? "process (server and clients)" : "server";

        public Usage? Sample() => sample?.Invoke();

        /// <summary>The built `ordinance serve` (Release, beside the benchmarks) over samples/ordinances on a free loopback port.</summary>
        public static Server StartProcess()
        {
            var command = Path.Combine(RoelandPark.RootFolder, "src", "OrdinanceRules.Cli", "bin", "Release", "net10.0", OperatingSystem.IsWindows() ? "ordinance.exe" : "ordinance");
            if (!File.Exists(command))
            {
                throw new FileNotFoundException($"Build the command first: dotnet build -c Release benchmarks/OrdinanceRules.Benchmarks ({command} is missing).");
            }

            var port = FreePort();
            var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "serve", "--ordinances", Path.GetDirectoryName(RoelandPark.OrdinancePath)!, "--port", port.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            // Drained so that the service never waits on a full pipe; shown only if it stops early.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null && process.HasExited)
                {
                    Console.Error.WriteLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new Server(
                string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
                () =>
                {
                    process.Refresh();
                    return new Usage(process.TotalProcessorTime, process.WorkingSet64, process.PeakWorkingSet64);
                },
                string.Create(CultureInfo.InvariantCulture, $"ordinance serve (process {process.Id}) on 127.0.0.1:{port}"),
                async () =>
                {
                    process.Kill();
                    await process.WaitForExitAsync();
                    process.Dispose();
                });
        }

        /// <summary>The application `ordinance serve` runs, built in this process (Kestrel on a free loopback port).</summary>
        public static async Task<Server> StartInProcessAsync()
        {
            var app = OrdinanceServer.Build(o => o.Folder = Path.GetDirectoryName(RoelandPark.OrdinancePath)!, port: 0);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var self = Process.GetCurrentProcess();
            return new Server(
                address,
                () =>
                {
                    self.Refresh();
                    return new Usage(self.TotalProcessorTime, self.WorkingSet64, self.PeakWorkingSet64);
                },
                "in process on " + address,
                async () =>
                {
                    await app.StopAsync();
                    await app.DisposeAsync();
                    self.Dispose();
                });
        }

        public ValueTask DisposeAsync() => stop?.Invoke() ?? ValueTask.CompletedTask;

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
