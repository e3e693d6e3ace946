using OrdinanceRules.Suites;

namespace OrdinanceRules.Testing;

/// <summary>
/// The cases of a YAML test suite for xunit's <c>[MemberData]</c>, and its outcome coverage for a test of
/// its own.
/// </summary>
/// <example>
/// <code>
/// public static IEnumerable&lt;object[]&gt; Cases =&gt; OrdinanceSuiteData.Rows("tests/my-city.suite.yaml");
///
/// [Theory]
/// [MemberData(nameof(Cases))]
/// public void MyCity(OrdinanceSuiteCase suiteCase) =&gt; OrdinanceAssert.Passes(suiteCase);
/// </code>
/// </example>
public static class OrdinanceSuiteData
{
    /// <summary>The cases of a suite file, in order.</summary>
    /// <param name="path">The suite file's path (see <see cref="OrdinanceSuiteAttribute"/> for how a relative path is found).</param>
    /// <returns>One entry per case.</returns>
    /// <exception cref="Diagnostics.OrdinanceDiagnosticException">The suite, its ordinance or a scenario has problems; every one is listed.</exception>
    public static IReadOnlyList<OrdinanceSuiteCase> Cases(string path)
    {
        var (file, _) = SuiteCache.Load(path).GetOrThrow();
        return [.. file.Suite.Cases.Select(c => new OrdinanceSuiteCase(path, c.Name))];
    }

    /// <summary>The cases of a suite file as rows for <c>[MemberData]</c>: one row per case, one value per row.</summary>
    /// <param name="path">The suite file's path.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<object[]> Rows(string path) => Cases(path).Select(c => new object[] { c });

    /// <summary>Runs every case of a suite file and measures which outcomes of its ordinance they reach.</summary>
    /// <param name="path">The suite file's path.</param>
    /// <returns>The coverage; <see cref="OutcomeCoverage.Percent"/> is the total.</returns>
    public static OutcomeCoverage Coverage(string path)
    {
        var (file, ordinance) = SuiteCache.Load(path).GetOrThrow();
        return OutcomeCoverage.Measure(file.Ordinance, SuiteRunner.Run(file.Suite, ordinance).Cases);
    }
}
