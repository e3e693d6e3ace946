using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Explain;

/// <summary>The arguments and options of <c>ordinance interview</c>.</summary>
internal sealed class InterviewSettings : ScenarioSettings
{
    [CommandOption("--answers <FILE>")]
    [Description("Answer from a file instead of asking: one fact.field=value a line, in order (blank lines and # comments are skipped; a value unknown means not known). Then print what is still worth asking.")]
    public string? Answers { get; init; }
}
