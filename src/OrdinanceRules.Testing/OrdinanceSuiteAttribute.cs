using System.Reflection;
using Xunit.Sdk;

namespace OrdinanceRules.Testing;

/// <summary>
/// Supplies an xunit theory with the cases of a YAML test suite, one test per case. The theory takes one
/// <see cref="OrdinanceSuiteCase"/> parameter.
/// </summary>
/// <example>
/// <code>
/// [Theory]
/// [OrdinanceSuite("samples/tests/roeland-park/roeland-park.suite.yaml")]
/// public void RoelandPark(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);
/// </code>
/// </example>
/// <remarks>
/// A relative path is looked for under the test assembly's folder and each folder above it, then under the
/// current folder. A suite with problems fails the theory with every problem, each at its file, line and column.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OrdinanceSuiteAttribute : DataAttribute
{
    /// <summary>Supplies the cases of one suite file.</summary>
    /// <param name="path">The suite file's path.</param>
    public OrdinanceSuiteAttribute(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>The suite file's path, as given.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        OrdinanceSuiteData.Cases(Path).Select(c => new object[] { c });
}
