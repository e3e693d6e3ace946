using OrdinanceRules.Suites;
using Xunit.Abstractions;

namespace OrdinanceRules.Testing;

/// <summary>
/// One case of a YAML test suite, as the data of an xunit theory: xunit shows it by the suite file's
/// name and the case's name, and can serialize it, so each case is a test of its own in test explorers.
/// </summary>
/// <remarks>
/// Only the suite's path and the case's name are kept; the suite is read and its ordinance compiled once
/// per test run, when the first case runs. Get cases from <see cref="OrdinanceSuiteAttribute"/> or
/// <see cref="OrdinanceSuiteData"/>; check one with <see cref="OrdinanceAssert.Passes(OrdinanceSuiteCase)"/>.
/// </remarks>
public sealed class OrdinanceSuiteCase : IXunitSerializable
{
    /// <summary>For xunit's deserializer only.</summary>
    [Obsolete("For xunit's deserializer only.")]
    public OrdinanceSuiteCase()
    {
        SuitePath = string.Empty;
        Name = string.Empty;
    }

    internal OrdinanceSuiteCase(string suitePath, string name)
    {
        SuitePath = suitePath;
        Name = name;
    }

    /// <summary>The suite file's path, as given to the attribute or <see cref="OrdinanceSuiteData"/>.</summary>
    public string SuitePath { get; private set; }

    /// <summary>The case's name.</summary>
    public string Name { get; private set; }

    /// <summary>Runs the case against the suite's ordinance.</summary>
    /// <returns>The result: the report, and each expectation not met.</returns>
    /// <exception cref="Diagnostics.OrdinanceDiagnosticException">The suite, its ordinance or a scenario has problems.</exception>
    /// <exception cref="InvalidOperationException">The suite no longer has a case of this name.</exception>
    public CaseResult Run()
    {
        var (file, ordinance) = SuiteCache.Load(SuitePath).GetOrThrow();
        var suiteCase = file.Suite.Cases.FirstOrDefault(c => c.Name == Name)
            ?? throw new InvalidOperationException($"The suite '{SuitePath}' has no case named '{Name}'.");
        return SuiteRunner.RunCase(suiteCase, ordinance);
    }

    /// <summary>The suite file's name and the case's name, as test runners show it.</summary>
    /// <returns>Such as <c>roeland-park.suite.yaml: Public alert posted one minute late</c>.</returns>
    public override string ToString() => $"{Path.GetFileName(SuitePath)}: {Name}";

    /// <inheritdoc/>
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        SuitePath = info.GetValue<string>(nameof(SuitePath));
        Name = info.GetValue<string>(nameof(Name));
    }

    /// <inheritdoc/>
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(SuitePath), SuitePath);
        info.AddValue(nameof(Name), Name);
    }
}
