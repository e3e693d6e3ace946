using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Cli.Schemas;
using OrdinanceRules.Cli.Validate;
using OrdinanceRules.Json;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>
/// <c>ordinance vocabulary</c>: prints a vocabulary as a Markdown reference page (every type, field and value with
/// its meaning), as the contract's JSON (<see cref="OrdinanceJson.Vocabulary"/>), or as the JSON Schema of scenario
/// files written in it (<see cref="FileSchemas.Scenario"/>). docs/vocabulary.md is its page for the bundled
/// vocabulary, regenerated with <c>ordinance vocabulary immigration-cooperation &gt; docs/vocabulary.md</c>.
/// </summary>
internal sealed class VocabularyCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<VocabularySettings>
{
    public override int Execute(CommandContext context, VocabularySettings settings, CancellationToken cancellationToken)
    {
        var vocabulary = Load(settings, out var exitCode);
        if (vocabulary is null)
        {
            return exitCode;
        }

        var output = console.Profile.Out.Writer;
        switch (settings.Format)
        {
            case JsonOutput.Json:
                JsonOutput.Write(console, OrdinanceJson.Vocabulary(vocabulary));
                break;
            case VocabularySettings.JsonSchema:
                output.WriteLine(FileSchemas.Text(FileSchemas.Scenario(vocabulary)).TrimEnd('\n'));
                break;
            default:
                output.Write(VocabularyMarkdown.Write(vocabulary, $"ordinance vocabulary {settings.Vocabulary}"));
                break;
        }

        return CliApp.Ok;
    }

    /// <summary>A bundled vocabulary by name, a vocabulary file, or an ordinance file's vocabulary; null when it does not load (reported).</summary>
    private FactVocabulary? Load(VocabularySettings settings, out int exitCode)
    {
        exitCode = CliApp.Ok;
        if (StandardVocabularies.Names.Contains(settings.Vocabulary, StringComparer.Ordinal))
        {
            return StandardVocabularies.Get(settings.Vocabulary);
        }

        // Read as every file is (a regular file, at most 1 MiB, valid UTF-8), to tell an ordinance from a vocabulary.
        var problems = new List<Diagnostic>();
        var text = Yaml.Reading.SourceFiles.ReadText(settings.Vocabulary, problems);
        if (text is not null && FileKinds.Of(text).Kind == FileKind.Ordinance)
        {
            var ordinance = OrdinanceYaml.LoadOrdinance(settings.Vocabulary, folder.Reading(settings.AllowOutside));
            if (ordinance.Succeeded)
            {
                return ordinance.Value.Vocabulary;
            }

            problems.AddRange(ordinance.Diagnostics);
        }
        else if (text is not null)
        {
            var loaded = OrdinanceYaml.ParseVocabulary(text, settings.Vocabulary);
            if (loaded.Succeeded)
            {
                return loaded.Value;
            }

            problems.AddRange(loaded.Diagnostics);
        }

        exitCode = EvaluationSetup.Fail(errors, EvaluationSetup.InFile(settings.Vocabulary, problems));
        return null;
    }
}
