using OrdinanceRules.Model;
using OrdinanceRules.Suites;

namespace OrdinanceRules.Yaml;

/// <summary>A test suite read from a file, with the ordinance it names.</summary>
/// <param name="Path">The suite file's path, as given.</param>
/// <param name="Suite">The suite; its scenarios use <paramref name="Ordinance"/>'s vocabulary.</param>
/// <param name="OrdinancePath">The ordinance file's path: the suite's <c>ordinance:</c> joined to the suite's folder.</param>
/// <param name="Ordinance">The ordinance, read; compile it to run the suite.</param>
public sealed record SuiteFile(string Path, OrdinanceSuite Suite, string OrdinancePath, Ordinance Ordinance);
