using OrdinanceRules.Diagnostics;
using OrdinanceRules.Explanations;
using Spectre.Console;

namespace OrdinanceRules.Cli.Explain;

/// <summary>
/// Prints an explanation as an indented tree: in a terminal with coloured marks; redirected,
/// plain lines indented two spaces a level, each step marked <c>[held]</c>, <c>[failed]</c>, <c>[unknown]</c> or <c>[defeated]</c>.
/// </summary>
internal static class ExplanationRenderer
{
    public static void Render(IAnsiConsole console, Explanation explanation)
    {
        if (!console.Profile.Capabilities.Ansi)
        {
            console.Profile.Out.Writer.WriteLine(Echo.CleanLines(explanation.Root.ToString()));
            return;
        }

        var tree = new Tree(Label(explanation.Root));
        Add(tree, explanation.Root.Children);
        console.Write(tree);
    }

    private static void Add(IHasTreeNodes parent, IEnumerable<ExplanationNode> nodes)
    {
        foreach (var node in nodes)
        {
            Add(parent.AddNode(Label(node)), node.Children);
        }
    }

    private static string Label(ExplanationNode node)
    {
        var (mark, colour) = node.Status switch
        {
            ExplanationStatus.Held => ("held", "green"),
            ExplanationStatus.Failed => ("failed", "red"),
            ExplanationStatus.Unknown => ("unknown", "yellow"),
            ExplanationStatus.Defeated => ("defeated", "magenta"),
            _ => (string.Empty, "default"),
        };
        var text = Markup.Escape(node.Text);
        return mark.Length == 0 ? $"[bold]{text}[/]" : $"{text} [{colour}][[{mark}]][/]";
    }
}
