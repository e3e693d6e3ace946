using System.Text.RegularExpressions;

namespace OrdinanceRules.Cli.Tests.Docs;

/// <summary>What a fenced block of a Markdown file is to the doc test (docs/README.md, "Tested docs").</summary>
internal enum DocBlockKind
{
    /// <summary>A <c>sh</c> block: its commands are run; an output block right after it is what they print.</summary>
    Commands,

    /// <summary>A plain or <c>text</c> block whose first line starts with <c>$ </c>: commands, each followed by its output.</summary>
    Transcript,

    /// <summary>A block whose text is written to a file before the next blocks run (<c>doc-test: save FILE</c>).</summary>
    Save,
}

/// <summary>One command of a block and the output the doc shows for it (null when none is shown).</summary>
internal sealed record DocCommand(string Command, IReadOnlyList<string>? Expected);

/// <summary>A fenced block the doc test runs, with the directives written above it.</summary>
internal sealed partial record DocBlock(string File, int Line, DocBlockKind Kind, IReadOnlyList<DocCommand> Commands, string? Setup, string? SaveAs, string Text, bool OutputVaries)
{
    /// <summary>The blocks of a Markdown file that the doc test runs, in order; skipped blocks are left out.</summary>
    public static IReadOnlyList<DocBlock> Parse(string file, string markdown, out IReadOnlyList<string> skipReasons)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<DocBlock>();
        var skips = new List<string>();
        string? directive = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("<!-- doc-test:", StringComparison.Ordinal))
            {
                // A directive may span lines, up to the line that ends the comment.
                var text = line;
                while (!text.TrimEnd().EndsWith("-->", StringComparison.Ordinal) && i + 1 < lines.Length)
                {
                    text += "\n" + lines[++i];
                }

                directive = Directive().Match(text).Groups[1].Value.Trim();
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                if (line.Trim().Length > 0)
                {
                    directive = null;
                }

                continue;
            }

            var info = line[3..].Trim();
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            var body = lines[start..end];
            i = end;
            var here = $"{file}:{start}";
            if (directive?.StartsWith("skip", StringComparison.Ordinal) == true)
            {
                skips.Add($"{here}: {directive}");
            }
            else if (directive?.StartsWith("save ", StringComparison.Ordinal) == true)
            {
                blocks.Add(new DocBlock(file, start, DocBlockKind.Save, [], null, directive[5..].Trim(), string.Join('\n', body) + "\n", false));
            }
            else if (info == "sh")
            {
                var commands = Logical(body).Where(c => !c.StartsWith('#')).ToList();
                var expected = ExpectedOutputAfter(lines, end + 1);
                blocks.Add(new DocBlock(
                    file,
                    start,
                    DocBlockKind.Commands,
                    [.. commands.Select((c, n) => new DocCommand(c, n == commands.Count - 1 ? expected : null))],
                    SetupOf(directive),
                    null,
                    string.Empty,
                    directive == "output varies"));
            }
            else if (info is "" or "text" && body.Length > 0 && body[0].StartsWith("$ ", StringComparison.Ordinal))
            {
                blocks.Add(new DocBlock(file, start, DocBlockKind.Transcript, Transcript(body), SetupOf(directive), null, string.Empty, directive == "output varies"));
            }

            directive = null;
        }

        skipReasons = skips;
        return blocks;
    }

    private static string? SetupOf(string? directive) =>
        directive?.StartsWith("setup ", StringComparison.Ordinal) == true ? directive[6..].Trim() : null;

    /// <summary>Lines joined where one ends with a backslash, as the shell joins them.</summary>
    private static IEnumerable<string> Logical(IEnumerable<string> lines)
    {
        var current = string.Empty;
        foreach (var line in lines)
        {
            if (line.EndsWith('\\'))
            {
                current += line[..^1].TrimEnd() + " ";
                continue;
            }

            var whole = (current + line.Trim()).Trim();
            current = string.Empty;
            if (whole.Length > 0)
            {
                yield return whole;
            }
        }
    }

    /// <summary>The plain block that follows a <c>sh</c> block with only blank lines between, as its output.</summary>
    private static string[]? ExpectedOutputAfter(string[] lines, int from)
    {
        var i = from;
        while (i < lines.Length && lines[i].Trim().Length == 0)
        {
            i++;
        }

        if (i >= lines.Length || lines[i] != "```")
        {
            return null;
        }

        var end = i + 1;
        while (end < lines.Length && !lines[end].StartsWith("```", StringComparison.Ordinal))
        {
            end++;
        }

        return lines[(i + 1)..end];
    }

    private static List<DocCommand> Transcript(string[] body)
    {
        var commands = new List<DocCommand>();
        for (var i = 0; i < body.Length;)
        {
            var command = new List<string> { body[i][2..] };
            i++;
            while (command[^1].EndsWith('\\') && i < body.Length)
            {
                command.Add(body[i]);
                i++;
            }

            var output = new List<string>();
            while (i < body.Length && !body[i].StartsWith("$ ", StringComparison.Ordinal))
            {
                output.Add(body[i]);
                i++;
            }

            commands.Add(new DocCommand(Logical(command).Single(), output));
        }

        return commands;
    }

    [GeneratedRegex(@"^<!--\s*doc-test:\s*(.*?)\s*-->\s*$", RegexOptions.Singleline)]
    private static partial Regex Directive();
}
