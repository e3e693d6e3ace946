using OrdinanceRules.Model;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>Fixtures under TestData/ and a reader of inline ordinances that use the test vocabulary.</summary>
internal static class TestFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>Parses an inline ordinance as <c>test.yaml</c>; <c>uses: test-vocabulary.yaml</c> resolves to the fixture.</summary>
    public static Result<Ordinance> Ordinance(string yaml) =>
        OrdinanceYaml.ParseOrdinance(yaml, "test.yaml", path => path == "test-vocabulary.yaml" ? Read(path) : null);

    /// <summary>Parses and compiles an inline ordinance; the reader's or the compiler's diagnostics when either fails.</summary>
    public static Result<CompiledOrdinance> Compile(string yaml)
    {
        var read = Ordinance(yaml);
        return read.Succeeded ? OrdinanceCompiler.TryCompile(read.Value!) : Result<CompiledOrdinance>.Failure(read.Diagnostics);
    }

    /// <summary>Evaluates the facts (a YAML list, indented by two) against an inline ordinance, through NRules.</summary>
    public static ComplianceReport Evaluate(string yaml, string facts, DateTimeOffset asOf, bool explain = false)
    {
        var compiled = Compile(yaml).GetValueOrThrow();
        var scenario = OrdinanceYaml.ParseScenario($"scenario: S\nfacts:\n{facts}", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();
        return compiled.Evaluate(scenario, asOf, EvaluationOptions.Default with { Explain = explain });
    }

    /// <summary>The valid fixture ordinance, whose vocabulary the scenario tests use.</summary>
    public static Ordinance ValidOrdinance() => OrdinanceYaml.LoadOrdinance(PathOf("ordinance-valid.yaml")).GetValueOrThrow();

    /// <summary>The one diagnostic, with its location as <c>line:column</c>.</summary>
    public static (string Code, string Where, string Message) Single<T>(Result<T> result)
        where T : class
    {
        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().HaveCount(1, "the input has one problem, but got: {0}", string.Join(" | ", result.Diagnostics));
        var d = result.Diagnostics[0];
        return (d.Code, d.Location is null ? "-" : $"{d.Location.Line}:{d.Location.Column}", d.Message);
    }

    /// <summary>Every diagnostic as <c>CODE line:column</c>.</summary>
    public static IEnumerable<string> Summary<T>(Result<T> result)
        where T : class =>
        result.Diagnostics.Select(d => $"{d.Code} {d.Location?.Line}:{d.Location?.Column}");
}
