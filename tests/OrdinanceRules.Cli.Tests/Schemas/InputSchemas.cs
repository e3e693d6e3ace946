using OrdinanceRules.Cli.Schemas;
using OrdinanceRules.Yaml.Mapping;

namespace OrdinanceRules.Cli.Tests.Schemas;

/// <summary>
/// The readers' key tables, each with the <c>$defs</c> entry of a file's schema that must have exactly its keys: the
/// oracle of <see cref="SchemaTests.CheckedInSchemas_AcceptExactlyTheKeysTheReadersAccept"/>, apart from the generator
/// (<see cref="FileSchemas"/>) that makes them.
/// </summary>
internal static class InputSchemas
{
    /// <summary>Each key table and the <c>$defs</c> entry of the file's schema that is generated from it.</summary>
    public static readonly (string Schema, string Def, string[] Keys)[] KeyTables =
    [
        ("ordinance", "ordinance", OrdinanceReader.RootKeys),
        ("ordinance", "jurisdiction", OrdinanceReader.JurisdictionKeys),
        ("ordinance", "vocabulary", OrdinanceReader.VocabularyKeys),
        ("ordinance", "section", OrdinanceReader.SectionKeys),
        ("ordinance", "provision", OrdinanceReader.ProvisionKeys),
        ("ordinance", "test", OrdinanceReader.TestKeys),
        ("ordinance", "duty", OrdinanceReader.DutyKeys),
        ("ordinance", "deadline", OrdinanceReader.DeadlineKeys),
        ("ordinance", "reading", OrdinanceReader.ReadingKeys),
        ("ordinance", "exception", OrdinanceReader.ExceptionKeys),
        ("ordinance", "definition", OrdinanceReader.DefinitionKeys),
        ("ordinance", "exceptionSet", OrdinanceReader.ExceptionSetKeys),
        ("ordinance", "exceptionUse", OrdinanceReader.ExceptionUseKeys),
        ("ordinance", "amendment", OrdinanceReader.AmendmentKeys),
        ("ordinance", "inForce", OrdinanceReader.InForceKeys),
        ("ordinance", "recurs", OrdinanceReader.RecursKeys),
        ("ordinance", "version", OrdinanceReader.VersionKeys),
        ("ordinance", "lapse", OrdinanceReader.LapseKeys),
        ("ordinance", "parameter", OrdinanceReader.ParameterKeys),
        ("ordinance", "override", OrdinanceReader.OverrideKeys),
        ("ordinance", "type", VocabularyReader.TypeKeys),
        ("ordinance", "field", VocabularyReader.FieldKeys),
        ("vocabulary", "vocabulary", VocabularyReader.FileKeys),
        ("vocabulary", "type", VocabularyReader.TypeKeys),
        ("vocabulary", "field", VocabularyReader.FieldKeys),
        ("scenario", "scenario", ScenarioReader.RootKeys),
        ("suite", "suite", SuiteReader.RootKeys),
        ("suite", "case", SuiteReader.CaseKeys),
        ("suite", "expectation", SuiteReader.ExpectationKeys),
    ];

    /// <summary>The schema of each kind of file, by the name of its file under schemas/.</summary>
    public static IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> All() => FileSchemas.All();
}
