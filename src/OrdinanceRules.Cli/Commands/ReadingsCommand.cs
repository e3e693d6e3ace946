using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Json;
using OrdinanceRules.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>
/// <c>ordinance readings</c>: lists the ordinance's interpretive readings. For each, one
/// <c>name=alternative</c> line per alternative (the default marked <c>(default)</c>), then, indented, the
/// question and what each alternative means. The <c>name=alternative</c> lines start in the first column, so
/// <c>grep '^p3-anchor='</c> finds them and each is a valid <c>--reading</c> value.
/// </summary>
internal sealed class ReadingsCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<ReadingsSettings>
{
    public override int Execute(CommandContext context, ReadingsSettings settings, CancellationToken cancellationToken)
    {
        var loaded = OrdinanceYaml.LoadOrdinance(settings.Ordinance, folder.Reading(settings.AllowOutside));
        if (!loaded.Succeeded)
        {
            return EvaluationSetup.Fail(errors, EvaluationSetup.InFile(settings.Ordinance, loaded.Diagnostics));
        }

        var ordinance = loaded.Value;
        if (settings.Format == JsonOutput.Json)
        {
            JsonOutput.Write(console, OrdinanceJson.Readings(ordinance));
            return CliApp.Ok;
        }

        if (ordinance.Readings.IsEmpty)
        {
            console.WriteLine($"{ordinance.Citation} declares no readings.");
            return CliApp.Ok;
        }

        var first = true;
        foreach (var reading in ordinance.Readings)
        {
            if (!first)
            {
                console.WriteLine();
            }

            first = false;
            foreach (var alternative in reading.Alternatives)
            {
                console.WriteLine(alternative.Name == reading.Default ? $"{reading.Name}={alternative.Name} (default)" : $"{reading.Name}={alternative.Name}");
            }

            console.Write(Indented(reading.Question));
            foreach (var alternative in reading.Alternatives)
            {
                console.Write(Indented($"{alternative.Name}: {alternative.Description.Trim()}"));
            }
        }

        return CliApp.Ok;
    }

    private static Padder Indented(string text) => new(new Text(text.ReplaceLineEndings(" ").Trim()), new Padding(4, 0, 0, 0));
}
