using OrdinanceRules.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.SampleFiles;

/// <summary><c>ordinance samples copy</c>: writes the bundled samples into a folder, keeping their layout, so a suite's relative paths still hold.</summary>
internal sealed class SamplesCopyCommand(IAnsiConsole console, TextWriter errors) : Command<SamplesCopySettings>
{
    public override int Execute(CommandContext context, SamplesCopySettings settings, CancellationToken cancellationToken)
    {
        var existing = BundledSamples.Paths.Where(p => File.Exists(Path.Combine(settings.Folder, p))).ToList();
        if (existing.Count > 0 && !settings.Force)
        {
            errors.WriteLine(new Diagnostic(
                CliDiagnosticCodes.WouldOverwrite,
                $"'{settings.Folder}' already holds {existing.Count} of the sample files (such as '{Path.Combine(settings.Folder, existing[0])}'); pass --force to overwrite them, or name another folder"));
            return CliApp.BadInput;
        }

        try
        {
            foreach (var path in BundledSamples.Paths)
            {
                var target = Path.Combine(settings.Folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, BundledSamples.Read(path));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine(new Diagnostic(CliDiagnosticCodes.CannotWrite, $"cannot write into '{settings.Folder}': {ex.Message}"));
            return CliApp.BadInput;
        }

        if (settings.Format == JsonOutput.Json)
        {
            JsonOutput.Write(console, BundledSamples.Document(settings.Folder));
            return CliApp.Ok;
        }

        console.Profile.Out.Writer.WriteLine($"Copied {BundledSamples.Paths.Count} sample files into {settings.Folder}/ (ordinances, scenarios, tests).");
        console.Profile.Out.Writer.WriteLine($"Try: ordinance check {settings.Folder}/ordinances/roeland-park-ks.yaml {settings.Folder}/scenarios/roeland-park/p2-detainer-hold-violated.yaml");
        return CliApp.Ok;
    }
}
