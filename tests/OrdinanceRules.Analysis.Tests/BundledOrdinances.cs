using OrdinanceRules.Model;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Analysis.Tests;

/// <summary>The bundled ordinances of samples/ordinances, and how a witness fares when the compiled rules evaluate it.</summary>
internal static class BundledOrdinances
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> Files => Directory.GetFiles(Path.Combine(Root, "samples", "ordinances"), "*.yaml").Order(StringComparer.Ordinal);

    public static Ordinance Load(string file) => OrdinanceYaml.LoadOrdinance(Path.Combine(Root, "samples", "ordinances", file)).GetValueOrThrow();

    /// <summary>
    /// The status the compiled rules give the witness's provision for the witness's facts, or a sentence on why there is
    /// none; for a conflict witness, also a sentence when the report names no conflict of the two on some of those facts.
    /// </summary>
    public static string Actual(CompiledOrdinance compiled, Witness witness)
    {
        var options = new EvaluationOptions { Readings = witness.Readings };

        // Under a stack whose vocabularies extend one another, each compile makes its own merged vocabulary: the
        // witness is read from its YAML against this compile's, as `ordinance analyze --witnesses` files are.
        var sameVocabulary = witness.Scenario.Facts.All(f => compiled.Ordinance.Vocabulary.TryGetType(f.Type.Name, out var type) && ReferenceEquals(type, f.Type));
        var scenario = sameVocabulary
            ? witness.Scenario
            : Yaml.OrdinanceYaml.ParseScenario(Yaml.OrdinanceYaml.WriteScenario(witness.Scenario), "witness.yaml", compiled.Ordinance).GetValueOrThrow();
        var report = compiled.Evaluate(scenario, scenario.AsOf!.Value, options);
        var findings = report.Findings.Where(f => f.ProvisionId == witness.ProvisionId && Same(f.Facts, witness.Facts)).ToList();
        if (findings.Count != 1)
        {
            return $"{findings.Count} findings for those facts";
        }

        var conflicted = witness.ConflictsWith is not { } other || report.Conflicts.Any(c =>
            c.ProvisionId == witness.ProvisionId && c.OtherProvisionId == other && !c.Facts.IsEmpty && c.Facts.All(f => witness.Facts.Any(w => w.Variable == f.Variable && w.FactId == f.FactId)));
        return conflicted ? findings[0].Status.ToString() : $"{findings[0].Status}, but the report names no conflict with {witness.ConflictsWith}";
    }

    /// <summary>Every witness of the report whose actual outcome is not the one claimed, described with what happened instead.</summary>
    public static List<string> Mismatches(CompiledOrdinance compiled, AnalysisReport report) =>
        [.. report.Witnesses
            .Select(w => (Witness: w, Actual: Actual(compiled, w)))
            .Where(x => x.Actual != x.Witness.Status.ToString())
            .Select(x => $"{Describe(x.Witness)} -> actual {x.Actual}")];

    private static bool Same(IReadOnlyList<FactBinding> a, IReadOnlyList<FactBinding> b) =>
        a.Count == b.Count && a.All(x => b.Any(y => y.Variable == x.Variable && y.FactId == x.FactId));

    public static string Describe(Witness witness) =>
        $"{witness.ProvisionId} [{string.Join(", ", witness.Facts.Select(f => $"{f.Variable}={f.FactId}"))}] claimed {witness.Status} in: " +
        string.Join("; ", witness.Scenario.Facts.Select(f => $"{f.Type.Name} {f.Id} {{{string.Join(", ", f.Type.Fields.Select(d => (d.Name, Value: f[d.Name])).Where(x => x.Value.State != Facts.ValueState.Absent).Select(x => $"{x.Name}: {(x.Value.State == Facts.ValueState.Unknown ? "unknown" : Format(x.Value.Value!))}"))}}}"));

    private static string Format(object value) => value switch
    {
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>()) + "]",
        Facts.Fact f => f.Id,
        _ => value.ToString() ?? string.Empty,
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrdinanceRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (OrdinanceRules.sln) is not above the test's folder.");
    }
}
