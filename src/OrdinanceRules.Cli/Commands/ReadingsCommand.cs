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
            WriteParameters(ordinance);
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

        WriteParameters(ordinance);
        return CliApp.Ok;
    }

    /// <summary>
    /// The parameters after the readings, indented so that no line starts like a <c>name=alternative</c> one: they are
    /// fixed by the ordinance (a model's default or a city's choice), not switched per evaluation.
    /// </summary>
    private void WriteParameters(Model.Ordinance ordinance)
    {
        if (ordinance.Parameters.IsEmpty)
        {
            return;
        }

        console.WriteLine();
        console.WriteLine("Parameters (fixed by the ordinance; --reading does not change them):");
        foreach (var parameter in ordinance.Parameters)
        {
            var where = parameter.Value is null
                ? $"default of {parameter.DeclaredBy}"
                : $"set by {ordinance.Citation}; default of {parameter.DeclaredBy}: {Json.OrdinanceJson.ParameterValue(parameter.Default)}";
            console.Write(Indented($"{parameter.Name} = {Json.OrdinanceJson.ParameterValue(parameter.Effective)} ({where})"));
            console.Write(new Padder(new Text(parameter.Description.ReplaceLineEndings(" ").Trim()), new Padding(8, 0, 0, 0)));
        }
    }

    private static Padder Indented(string text) => new(new Text(text.ReplaceLineEndings(" ").Trim()), new Padding(4, 0, 0, 0));
}
