using OrdinanceRules.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.SampleFiles;

/// <summary><c>ordinance samples list</c>: the bundled ordinances (with their titles), scenario folders and test suites.</summary>
internal sealed class SamplesListCommand(IAnsiConsole console) : Command<SamplesListSettings>
{
    public override int Execute(CommandContext context, SamplesListSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Format == JsonOutput.Json)
        {
            JsonOutput.Write(console, BundledSamples.Document());
            return CliApp.Ok;
        }

        var output = console.Profile.Out.Writer;
        foreach (var path in BundledSamples.Paths.Where(p => p.StartsWith("ordinances/", StringComparison.Ordinal)))
        {
            output.WriteLine($"{path}  {BundledSamples.Title(path)}".TrimEnd());
        }

        foreach (var folder in BundledSamples.Paths
            .Where(p => p.StartsWith("scenarios/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal))
            .GroupBy(p => p[..(p.LastIndexOf('/') + 1)], StringComparer.Ordinal))
        {
            output.WriteLine($"{folder.Key}  {folder.Count()} scenarios");
        }

        foreach (var path in BundledSamples.Paths.Where(p => p.StartsWith("tests/", StringComparison.Ordinal)))
        {
            output.WriteLine(path);
        }

        output.WriteLine();
        output.WriteLine("'ordinance samples copy' writes them into ./samples, where the --help examples find them.");
        return CliApp.Ok;
    }
}
