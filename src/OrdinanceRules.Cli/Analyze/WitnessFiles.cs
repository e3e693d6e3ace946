using System.Collections.Immutable;
using OrdinanceRules.Analysis;
using OrdinanceRules.Analysis.Json;
using OrdinanceRules.Json;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Analyze;

/// <summary>
/// The witnesses of an analysis as scenario files: one file per witness, named after the provision and what it shows,
/// opening with comment lines that say the outcome claimed and the <c>ordinance check</c> command that confirms it.
/// </summary>
internal sealed class WitnessFiles(string? folder, string ordinancePath, IReadOnlyList<string> laws, IReadOnlyDictionary<string, string> defaults)
{
    private readonly Dictionary<Witness, string> _files = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How the witnesses are written into the JSON documents: YAML scenarios, their non-default readings, their files.</summary>
    public WitnessWriting Writing => new(OrdinanceYaml.WriteScenario) { DefaultReadings = defaults, FileOf = FileOf };

    /// <summary>The file a witness was written to (as the folder was given), or null when no folder was given.</summary>
    public string? FileOf(Witness witness) => _files.GetValueOrDefault(witness);

    /// <summary>Writes the witness under a name made of <paramref name="parts"/>, unless it is written already.</summary>
    public void Write(Witness witness, params string?[] parts)
    {
        if (folder is not null && !_files.ContainsKey(witness))
        {
            var path = PathFor(parts);
            WriteFile(path, witness, [$"Witness: {Claim(witness)}", $"Check it: {CheckCommand(path, witness)}"]);
        }
    }

    /// <summary>A new file name in the folder, made of <paramref name="parts"/>; null when no folder was given.</summary>
    public string PathFor(params string?[] parts)
    {
        var stem = string.Join('.', parts.Where(p => !string.IsNullOrEmpty(p)).Select(p => Safe(p!)));
        var name = stem + ".yaml";
        for (var n = 2; !_names.Add(name); n++)
        {
            name = $"{stem}.{n}.yaml";
        }

        return Path.Combine(folder!, name);
    }

    /// <summary>Writes the witness's scenario to <paramref name="path"/>, after the header's lines as comments.</summary>
    public void WriteFile(string path, Witness witness, IEnumerable<string> header)
    {
        Directory.CreateDirectory(folder!);
        File.WriteAllText(path, string.Concat(header.Select(h => $"# {h}\n")) + OrdinanceYaml.WriteScenario(witness.Scenario));
        _files[witness] = path;
    }

    /// <summary>Records that the witness is in a file written already (the other side of a diff witness).</summary>
    public void Alias(Witness witness, string path) => _files[witness] = path;

    /// <summary>Whether witness files are written.</summary>
    public bool Writes => folder is not null;

    /// <summary>"provision P2 is violated for a=x, b=y under p2-judicial-warrant=not-an-exception".</summary>
    public static string Claim(Witness witness)
    {
        var facts = witness.Facts.IsEmpty ? string.Empty : " for " + string.Join(", ", witness.Facts.Select(f => $"{f.Variable}={f.FactId}"));
        return $"provision {witness.ProvisionId} is {OrdinanceJson.Word(witness.Status)}{facts}";
    }

    /// <summary>The readings of a witness that are not their default, as <c>--reading</c> values.</summary>
    public ImmutableArray<string> ReadingArguments(Witness witness) => Writing.ReadingArguments(witness);

    /// <summary>The command that evaluates the witness file as the analysis did.</summary>
    public string CheckCommand(string file, Witness witness) =>
        string.Join(' ', new[] { "ordinance", "check", ordinancePath, file }
            .Concat(ReadingArguments(witness).SelectMany(r => new[] { "--reading", r }))
            .Concat(laws.SelectMany(l => new[] { "--law", l })));

    private static string Safe(string part) => new([.. part.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
