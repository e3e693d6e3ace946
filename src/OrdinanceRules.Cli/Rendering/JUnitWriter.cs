using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Suites;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>
/// Writes test results as JUnit XML, the format CI servers read: <c>testsuites</c>, one <c>testsuite</c>
/// per suite file, one <c>testcase</c> per case, and a <c>failure</c> in each case that failed.
/// </summary>
internal static class JUnitWriter
{
    /// <summary>The document for the suites run.</summary>
    public static XDocument Create(IReadOnlyList<SuiteRun> runs)
    {
        var suites = runs.Select(run => new XElement(
            "testsuite",
            new XAttribute("name", run.File.Suite.Name),
            new XAttribute("tests", run.Cases.Count),
            new XAttribute("failures", run.Cases.Count(c => !c.Result.Passed)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(run.Cases.Sum(c => c.Duration.TotalSeconds))),
            new XAttribute("file", run.File.Path),
            new XElement(
                "properties",
                new XElement("property", new XAttribute("name", "ordinance"), new XAttribute("value", run.File.Ordinance.Citation)),
                new XElement("property", new XAttribute("name", "ordinance-file"), new XAttribute("value", run.File.OrdinancePath))),
            run.Cases.Select(c => TestCase(run, c))));
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "testsuites",
                new XAttribute("name", "ordinance test"),
                new XAttribute("tests", runs.Sum(r => r.Cases.Count)),
                new XAttribute("failures", runs.Sum(r => r.Cases.Count(c => !c.Result.Passed))),
                new XAttribute("errors", 0),
                new XAttribute("time", Seconds(runs.Sum(r => r.Cases.Sum(c => c.Duration.TotalSeconds)))),
                suites));

        // Text from the files read: a control character is not allowed in XML at all, and must not reach a CI server's page.
        foreach (var attribute in document.Descendants().Attributes())
        {
            attribute.Value = Echo.Clean(attribute.Value);
        }

        foreach (var text in document.DescendantNodes().OfType<XText>())
        {
            text.Value = Echo.CleanLines(text.Value);
        }

        return document;
    }

    /// <summary>Writes the document to a file, in UTF-8, indented.</summary>
    public static void Write(string path, IReadOnlyList<SuiteRun> runs)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        Create(runs).Save(writer);
    }

    private static XElement TestCase(SuiteRun run, CaseRun caseRun)
    {
        var result = caseRun.Result;
        var element = new XElement(
            "testcase",
            new XAttribute("name", result.Case.Name),
            new XAttribute("classname", run.File.Suite.Name),
            new XAttribute("file", run.File.Path),
            result.Case.Location is { } location ? new XAttribute("line", location.Line) : null,
            new XAttribute("time", Seconds(caseRun.Duration.TotalSeconds)));
        if (!result.Passed)
        {
            element.Add(new XElement(
                "failure",
                new XAttribute("message", Summary(result)),
                new XAttribute("type", result.Error is null ? "expectation" : "error"),
                result.FailureMessage));
        }

        return element;
    }

    /// <summary>One line: each mismatch as "P3: expected violated, actual pending", or the error.</summary>
    private static string Summary(CaseResult result) =>
        result.Error ?? string.Join("; ", result.Mismatches.Select(m => $"{m.Expected.ProvisionId}: expected {m.ExpectedText}, actual {m.ActualText}"));

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
