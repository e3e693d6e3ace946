using OrdinanceRules.Suites;
using Xunit.Sdk;

namespace OrdinanceRules.Testing;

/// <summary>Assertions on YAML suite cases, failing the way xunit's own assertions do.</summary>
public static class OrdinanceAssert
{
    /// <summary>Runs a case and fails the test unless every expectation is met.</summary>
    /// <param name="suiteCase">The case.</param>
    /// <returns>The result, for further checks.</returns>
    /// <exception cref="OrdinanceSuiteCaseException">The case failed; the message shows each expected and actual finding with its reason.</exception>
    public static CaseResult Passes(OrdinanceSuiteCase suiteCase)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        return Passes(suiteCase.Run());
    }

    /// <summary>Fails the test unless the result passed.</summary>
    /// <param name="result">A case's result, from <see cref="SuiteRunner"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="OrdinanceSuiteCaseException">The case failed.</exception>
    public static CaseResult Passes(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Passed ? result : throw new OrdinanceSuiteCaseException(result);
    }
}

/// <summary>A suite case did not meet its expectations; the message says how.</summary>
public sealed class OrdinanceSuiteCaseException : XunitException
{
    /// <summary>Creates the exception for a failed case.</summary>
    /// <param name="result">The case's result.</param>
    public OrdinanceSuiteCaseException(CaseResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).FailureMessage ?? $"case '{result.Case.Name}' passed")
    {
        Result = result;
    }

    /// <summary>The case's result.</summary>
    public CaseResult Result { get; }
}
