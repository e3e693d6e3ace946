using OrdinanceRules.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.SampleFiles;

/// <summary><c>ordinance samples list</c>: the bundled ordinances (with their titles), scenario folders and test suites.</summary>
internal sealed class SamplesListCommand(IAnsiConsole console) : Command<EmptyCommandSettings>
{
    public override int Execute(CommandContext context, EmptyCommandSettings settings, CancellationToken cancellationToken)
    {
        var output = console.Profile.Out.Writer;
        foreach (var path in BundledSamples.Paths.Where(p => p.StartsWith("ordinances/", StringComparison.Ordinal)))
        {
            var ordinance = OrdinanceYaml.ParseOrdinance(BundledSamples.Read(path), path);
            output.WriteLine($"{path}  {(ordinance.Succeeded ? ordinance.Value.Title : string.Empty)}".TrimEnd());
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
