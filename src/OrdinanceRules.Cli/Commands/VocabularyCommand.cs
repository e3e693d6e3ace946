using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>
/// <c>ordinance vocabulary</c>: prints a vocabulary as a Markdown reference page (every type, field and value with
/// its meaning). docs/vocabulary.md is its output for the bundled vocabulary, regenerated with
/// <c>ordinance vocabulary immigration-cooperation &gt; docs/vocabulary.md</c>.
/// </summary>
internal sealed class VocabularyCommand(IAnsiConsole console, TextWriter errors) : Command<VocabularySettings>
{
    public override int Execute(CommandContext context, VocabularySettings settings, CancellationToken cancellationToken)
    {
        FactVocabulary vocabulary;
        if (StandardVocabularies.Names.Contains(settings.Vocabulary, StringComparer.Ordinal))
        {
            vocabulary = StandardVocabularies.Get(settings.Vocabulary);
        }
        else
        {
            var loaded = OrdinanceYaml.LoadVocabulary(settings.Vocabulary);
            if (!loaded.Succeeded)
            {
                return EvaluationSetup.Fail(errors, EvaluationSetup.InFile(settings.Vocabulary, loaded.Diagnostics));
            }

            vocabulary = loaded.Value;
        }

        console.Profile.Out.Writer.Write(VocabularyMarkdown.Write(vocabulary, $"ordinance vocabulary {settings.Vocabulary}"));
        return CliApp.Ok;
    }
}
