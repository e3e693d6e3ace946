using System.Collections.Concurrent;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests.Robustness;

/// <summary>Every bundled sample: each ordinance with the folder of scenarios written for it, compiled once.</summary>
internal static class BundledSamples
{
    private static readonly ConcurrentDictionary<string, CompiledOrdinance> Compiled = new(StringComparer.Ordinal);

    /// <summary>Scenario folders (under samples/scenarios) and the ordinance each is written for.</summary>
    public static readonly (string Folder, string Ordinance)[] Folders =
    [
        ("roeland-park", "roeland-park-ks.yaml"),
        ("lawrence", "lawrence-ks.yaml"),
        ("cfr-287-7", "us-8-cfr-287-7.yaml"),
    ];

    public static IReadOnlyList<string> Ordinances =>
        [.. Directory.GetFiles(Repository.PathOf("samples", "ordinances"), "*.yaml").Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Suites =>
        [.. Directory.GetFiles(Repository.PathOf("samples", "tests"), "*.suite.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>Every bundled scenario file with the ordinance it is written for.</summary>
    public static IReadOnlyList<(string Scenario, string Ordinance)> Scenarios =>
    [
        .. Folders.SelectMany(f => Directory.GetFiles(Repository.PathOf("samples", "scenarios", f.Folder), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(s => (s, Repository.PathOf("samples", "ordinances", f.Ordinance)))),
    ];

    /// <summary>The ordinance compiled, once per path.</summary>
    public static CompiledOrdinance Compile(string ordinancePath) =>
        Compiled.GetOrAdd(ordinancePath, p => OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(p).GetValueOrThrow()));

    public static Scenario Load(string scenarioPath, string ordinancePath) =>
        OrdinanceYaml.LoadScenario(scenarioPath, Compile(ordinancePath).Ordinance).GetValueOrThrow();

    /// <summary>A report as one string: everything a finding says, in order, to compare reports exactly.</summary>
    public static string Canonical(ComplianceReport report) =>
        string.Join('\n', report.Findings.Select(f =>
            $"{f.ProvisionId}|{string.Join(',', f.Facts.Select(b => $"{b.Variable}={b.FactId}"))}|{f.Status}|{f.Reason}|{string.Join(';', f.Unknowns)}|{f.DueAt:O}|{f.DischargedAt:O}|{string.Join(',', f.Exceptions.Select(e => e.Id))}"))
        + "\n" + string.Join('\n', report.Conflicts.Select(c => $"{c.ProvisionId}/{c.OtherProvisionId}|{c.Description}"))
        + "\n" + string.Join(',', report.Readings.Select(r => $"{r.Name}={r.Alternative}"));
}
