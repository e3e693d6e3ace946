using System.Globalization;
using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Init;

/// <summary><c>ordinance init</c>: scaffolds a new city's folder from <see cref="CityTemplate"/>.</summary>
internal sealed class InitCommand(IAnsiConsole console, TextWriter errors) : Command<InitSettings>
{
    public override int Execute(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        var folder = settings.City;
        if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
        {
            errors.WriteLine(new Diagnostic(CliDiagnosticCodes.WouldOverwrite, $"'{folder}' already exists and is not an empty folder; name a new folder for the city"));
            return CliApp.BadInput;
        }

        var template = new CityTemplate(settings.Slug, settings.Name ?? NameOf(settings.Slug), settings.State, settings.TimeZone);
        var files = template.Files;
        try
        {
            foreach (var (path, text) in files)
            {
                var target = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text.ReplaceLineEndings("\n"));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine(new Diagnostic(CliDiagnosticCodes.CannotWrite, $"cannot write into '{folder}': {ex.Message}"));
            return CliApp.BadInput;
        }

        string[] next =
        [
            $"ordinance validate {folder}",
            $"ordinance test {folder}/tests",
            $"ordinance readings {folder}/{template.OrdinancePath}",
            $"ordinance check {folder}/{template.OrdinancePath} {folder}/{CityTemplate.DetainerScenarioPath}",
        ];
        if (settings.Format == JsonOutput.Json)
        {
            JsonOutput.Write(console, new InitDocument(
                OrdinanceJson.SchemaVersion, folder, template.Name, template.State, template.TimeZone, template.OrdinancePath, CityTemplate.BasePath, [.. files.Select(f => f.Path)], [.. next]));
            return CliApp.Ok;
        }

        var output = console.Profile.Out.Writer;
        output.WriteLine($"Created {folder}/ for {template.Name}, {template.State}, extending the ACLU of Kansas model ({CityTemplate.BasePath}):");
        foreach (var (path, _) in files)
        {
            output.WriteLine($"  {folder}/{path}");
        }

        output.WriteLine("Next:");
        foreach (var command in next)
        {
            output.WriteLine($"  {command}");
        }

        return CliApp.Ok;
    }

    /// <summary>A folder name as a city's name: <c>overland-park</c> becomes <c>Overland Park</c>.</summary>
    public static string NameOf(string slug) =>
        string.Join(' ', slug.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}
