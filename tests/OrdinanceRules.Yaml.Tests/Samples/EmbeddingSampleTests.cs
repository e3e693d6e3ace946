using System.Diagnostics;
using System.Reflection;

namespace OrdinanceRules.Yaml.Tests.Samples;

/// <summary>Runs the built samples/Embedding program as a user would, with <c>dotnet Embedding.dll</c>.</summary>
public class EmbeddingSampleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string EmbeddingDll => Path.GetFullPath(typeof(EmbeddingSampleTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "EmbeddingDll").Value!);

    [Fact]
    public async Task Run_DefaultOrdinance_PrintsTheP2ViolationAndExitsOne()
    {
        var (exitCode, output, errors) = await RunAsync();

        errors.Should().BeEmpty();
        exitCode.Should().Be(1, "the detainer hold violates P2; output: {0}", output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().HaveCount(8, "one finding for each of P1a, P1b, P2, P3, P4, P4b, P5 and P6");
        lines.Should().ContainSingle(l => l.StartsWith("Violated", StringComparison.Ordinal))
            .Which.Should().Be("Violated         Roeland Park Ordinance 1005, § 3 (P2): The prohibited conduct occurred (action act-1), and no exception applies.");
        lines.Where(l => !l.StartsWith("Violated", StringComparison.Ordinal)).Should().OnlyContain(l => l.StartsWith("NotApplicable ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_MissingOrdinancePath_PrintsTheDiagnosticAndExitsTwo()
    {
        var (exitCode, output, errors) = await RunAsync("no-such-ordinance.yaml");

        exitCode.Should().Be(2);
        output.Should().BeEmpty();
        errors.Should().Contain("no-such-ordinance.yaml").And.Contain("does not exist");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        File.Exists(EmbeddingDll).Should().BeTrue("the test project builds samples/Embedding first ({0})", EmbeddingDll);
        // The SDK names its own dotnet host while it runs the tests; fall back to the one on the PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(EmbeddingDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Embedding did not finish within {Timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, await output, await errors);
    }
}
