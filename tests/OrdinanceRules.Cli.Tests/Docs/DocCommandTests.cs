using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OrdinanceRules.Cli.Tests.Docs;

/// <summary>
/// Every command shown in README.md and docs/*.md runs, and prints what the doc shows: the convention is
/// in docs/README.md ("Tested docs"). Each file runs in a folder of its own holding a copy of samples/.
/// </summary>
public class DocCommandTests
{
    private const char Marker = '\u001e';

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add("docs/" + Path.GetFileName(file));
        }

        return data;
    }

    private static string Root => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "..", ".."));

    [Theory]
    [MemberData(nameof(Files))]
    public void Doc_EveryCommand_RunsAndPrintsWhatTheDocShows(string file)
    {
        var blocks = DocBlock.Parse(file, File.ReadAllText(Path.Combine(Root, file)), out var skips);
        skips.Where(s => !s.Contains("skip: ", StringComparison.Ordinal)).Should().BeEmpty("a skipped block says why, as 'skip: reason'");
        if (blocks.Count == 0)
        {
            return;
        }

        using var sandbox = new TempFolder();
        foreach (var folder in new[] { "ordinances", "scenarios", "tests", "records" })
        {
            Copy(Path.Combine(Root, "samples", folder), Path.Combine(sandbox.Path, "samples", folder));
        }

        var (output, exitCode) = RunBash(Script(blocks), sandbox.Path);
        exitCode.Should().Be(0, output);
        var results = Results(output);

        var failures = new List<string>();
        for (var b = 0; b < blocks.Count; b++)
        {
            for (var c = 0; c < blocks[b].Commands.Count; c++)
            {
                var command = blocks[b].Commands[c];
                var where = $"{file}:{blocks[b].Line}: `{command.Command}`";
                if (!results.TryGetValue((b, c), out var result))
                {
                    failures.Add($"{where}: did not run");
                    continue;
                }

                if (command.Expected is null || blocks[b].OutputVaries)
                {
                    if (result.ExitCode > 1)
                    {
                        failures.Add($"{where}: exit code {result.ExitCode}:\n{string.Join('\n', result.Lines)}");
                    }
                }
                else if (!Matches(Trim(command.Expected), Trim(result.Lines)))
                {
                    failures.Add($"{where}: the doc shows\n{string.Join('\n', Trim(command.Expected))}\nbut it printed\n{string.Join('\n', Trim(result.Lines))}");
                }
            }
        }

        failures.Should().BeEmpty(string.Join("\n\n", failures));
    }

    [Fact]
    public void Matches_EllipsisLine_StandsForAnyLines()
    {
        Matches(["a", "...", "d"], ["a", "b", "c", "d"]).Should().BeTrue();
        Matches(["a", "...", "d"], ["a", "d"]).Should().BeTrue();
        Matches(["a", "...", "d"], ["a", "b", "c"]).Should().BeFalse();
        Matches(["a", "b"], ["a", "c"]).Should().BeFalse();
    }

    [Fact]
    public void Parse_ShBlockFollowedByOutputBlock_ExpectsItFromItsLastCommand()
    {
        var markdown = "<!-- doc-test: setup cd samples -->\n```sh\nordinance a \\\n  --b\nordinance c\n```\n\n```\nout\n```\n\n<!-- doc-test: skip: needs a browser -->\n```sh\nchromium\n```\n";

        var blocks = DocBlock.Parse("x.md", markdown, out var skips);

        blocks.Should().ContainSingle();
        blocks[0].Setup.Should().Be("cd samples");
        blocks[0].Commands.Select(c => c.Command).Should().Equal("ordinance a --b", "ordinance c");
        blocks[0].Commands[1].Expected.Should().Equal("out");
        skips.Should().ContainSingle().Which.Should().Contain("needs a browser");
    }

    /// <summary>Whether the lines printed match those shown, a line <c>...</c> standing for any number of lines.</summary>
    internal static bool Matches(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (expected.Count == 0)
        {
            return actual.Count == 0;
        }

        if (expected[0].Trim() is "..." or "…" or "[…]" or "[...]")
        {
            return Enumerable.Range(0, actual.Count + 1).Any(skip => Matches(expected.Skip(1).ToList(), actual.Skip(skip).ToList()));
        }

        return actual.Count > 0 && expected[0] == actual[0] && Matches(expected.Skip(1).ToList(), actual.Skip(1).ToList());
    }

    private static List<string> Trim(IEnumerable<string> lines)
    {
        var result = lines.Select(l => l.TrimEnd()).ToList();
        while (result.Count > 0 && result[^1].Length == 0)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    private static string Script(IReadOnlyList<DocBlock> blocks)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ordinance.dll");
        var script = new StringBuilder();
        script.AppendLine("export NO_COLOR=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1");
        script.AppendLine(CultureInfo.InvariantCulture, $"ordinance() {{ command dotnet '{dll}' \"$@\"; }}");
        // `dotnet run --project src/OrdinanceRules.Cli --` is the built ordinance; building, testing, packing and
        // installing are what .ci/run does (scripts/check-packages.sh for the last two), not this test.
        script.AppendLine("dotnet() { case \"$1\" in build|test|pack|tool) return 0;; esac; if [ \"$1 $2 $3 $4\" = 'run --project src/OrdinanceRules.Cli --' ]; then shift 4; ordinance \"$@\"; else command dotnet \"$@\"; fi; }");
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Kind == DocBlockKind.Save)
            {
                script.AppendLine(CultureInfo.InvariantCulture, $"mkdir -p \"$(dirname '{block.SaveAs}')\" && cat > '{block.SaveAs}' <<'DOC_TEST_EOF'");
                script.Append(block.Text);
                script.AppendLine("DOC_TEST_EOF");
                continue;
            }

            if (block.Setup is not null)
            {
                script.AppendLine(CultureInfo.InvariantCulture, $"{{ {block.Setup}\n}} < /dev/null");
            }

            for (var c = 0; c < block.Commands.Count; c++)
            {
                script.AppendLine(CultureInfo.InvariantCulture, $"printf '{Marker}BEGIN {b} {c}\\n'");
                var command = block.Commands[c].Command.TrimEnd();
                if (command.EndsWith('&'))
                {
                    // A service started in the background (`ordinance serve ... > serve.log 2>&1 &`): it runs on while the
                    // page's next commands talk to it, and is stopped, with the process it started, when the page ends.
                    script.AppendLine(CultureInfo.InvariantCulture, $"{{ {command} }} < /dev/null 2>&1; doc_test_jobs=\"$doc_test_jobs $!\"");
                }
                else
                {
                    script.AppendLine(CultureInfo.InvariantCulture, $"{{ {command} ; }} < /dev/null 2>&1");
                }

                script.AppendLine(CultureInfo.InvariantCulture, $"printf '{Marker}END %d\\n' $?");
            }
        }

        script.AppendLine("for job in $doc_test_jobs; do kill $(ps -o pid= --ppid \"$job\") \"$job\" 2> /dev/null; done; wait");
        script.AppendLine("exit 0");
        return script.ToString();
    }

    private static Dictionary<(int Block, int Command), (int ExitCode, List<string> Lines)> Results(string output)
    {
        var results = new Dictionary<(int, int), (int, List<string>)>();
        (int, int)? current = null;
        var lines = new List<string>();
        // Output that does not end with a newline (curl's, often) runs into the marker: the marker starts a line of its own.
        foreach (var line in output.ReplaceLineEndings("\n").Replace(Marker.ToString(), "\n" + Marker, StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith(Marker + "BEGIN ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ');
                current = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
                lines = [];
            }
            else if (line.StartsWith(Marker + "END ", StringComparison.Ordinal) && current is { } key)
            {
                results[key] = (int.Parse(line[5..], CultureInfo.InvariantCulture), lines);
                current = null;
            }
            else if (current is not null)
            {
                lines.Add(line);
            }
        }

        return results;
    }

    private static (string Output, int ExitCode) RunBash(string script, string folder)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("COLUMNS");
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue("the doc's commands finish");
        return (output + error.Result, process.ExitCode);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
