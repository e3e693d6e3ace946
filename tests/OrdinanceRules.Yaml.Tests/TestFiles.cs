using OrdinanceRules.Diagnostics;
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
