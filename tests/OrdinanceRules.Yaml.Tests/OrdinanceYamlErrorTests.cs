using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Tests;

public class OrdinanceYamlErrorTests
{
    // Lines 1-5 of every ordinance below; the provision starts on line 6.
    private const string Header = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        provisions:
        """;

    private static Result<Model.Ordinance> WithProvision(string provision) =>
        TestFiles.Ordinance(Header + "\n" + provision);

    [Fact]
    public void ParseOrdinance_SyntaxError_ReportsOneDiagnosticAtTheScannerMark()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            title: "unterminated
            jurisdiction: x
            """);

        var (code, where, message) = TestFiles.Single(result);
        code.Should().Be(YamlDiagnosticCodes.Syntax);
        where.Should().Be("2:8");
        message.Should().StartWith("while scanning a multi-line").And.NotContain("Line:").And.NotContain(" at ");
        result.Diagnostics[0].ToString().Should().StartWith("test.yaml:2:8: error OR4001: ");
    }

    [Fact]
    public void ParseOrdinance_MisspelledKey_ReportsUnknownKeyWithSuggestion()
    {
        var result = WithProvision("""
              - id: P2
                section: "§ 1"
                title: No support
                text: Shall not support.
                modality: prohibition
                binds: Police
                for: { r: request }
                aplies-when: r.kind == 'support'
                violated-when: r.kind == 'support'
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.UnknownKey,
            "13:5",
            "unknown key 'aplies-when' in provision 'P2'; did you mean 'applies-when'?"));
    }

    [Fact]
    public void ParseOrdinance_DuplicateKey_ReportsTheSecondOccurrence()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            title: Again
            vocabulary: { uses: test-vocabulary.yaml }
            provisions: []
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.DuplicateKey,
            "4:1",
            "duplicate key 'title'; it is already set at line 2"));
    }

    [Fact]
    public void ParseOrdinance_ForIsAList_ReportsWrongShape()
    {
        var result = WithProvision("""
              - id: P2
                section: "§ 1"
                title: No support
                text: Shall not support.
                modality: prohibition
                binds: Police
                for: [r, request]
                violated-when: r.kind == 'support'
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.WrongShape,
            "12:10",
            "'for' in provision 'P2' must be a mapping of variable: type, such as { r: request }"));
    }

    [Fact]
    public void ParseOrdinance_MissingRequiredKey_ReportsItAtTheMapping()
    {
        var result = WithProvision("""
              - id: P2
                section: "§ 1"
                text: Shall not support.
                modality: prohibition
                binds: Police
                for: { r: request }
                violated-when: r.kind == 'support'
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.MissingKey,
            "6:5",
            "missing required key 'title' in provision 'P2'"));
    }

    [Fact]
    public void ParseOrdinance_BadModality_ListsTheAllowedWords()
    {
        var result = WithProvision("""
              - id: P2
                section: "§ 1"
                title: No support
                text: Shall not support.
                modality: prohibited
                binds: Police
                for: { r: request }
                violated-when: r.kind == 'support'
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.InvalidValue,
            "10:15",
            "modality must be one of prohibition, obligation, permission, non-obligation, not 'prohibited'; did you mean 'prohibition'?"));
    }

    [Fact]
    public void ParseOrdinance_BadDate_ReportsInvalidValue()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            adopted: 2020-13-01
            vocabulary: { uses: test-vocabulary.yaml }
            provisions: []
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.InvalidValue,
            "4:10",
            "'adopted' must be a date such as 2020-12-21, or unknown, not '2020-13-01'"));
    }

    [Fact]
    public void ParseOrdinance_QuotedUnknownDate_IsNotTheWordUnknown()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            effective: "unknown"
            vocabulary: { uses: test-vocabulary.yaml }
            provisions: []
            """);

        TestFiles.Single(result).Code.Should().Be(YamlDiagnosticCodes.InvalidValue);
    }

    [Fact]
    public void ParseOrdinance_BadDuration_ReportsInvalidValue()
    {
        var result = WithProvision("""
              - id: P3
                section: "§ 4"
                title: Notice
                text: Shall give notice.
                modality: obligation
                binds: Police
                for: { r: request }
                duty:
                  met-by: { for: { n: notice }, when: n.about == r }
                  at: n.issuedAt
                  deadline: { within: two days, from: r.receivedAt }
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.InvalidValue,
            "16:27",
            "'within' must be a duration such as 48h, 30m, 2d or 1h30m, not 'two days'"));
    }

    [Fact]
    public void ParseOrdinance_BadTimeZone_ReportsInvalidValue()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            title: T
            jurisdiction:
              name: Town
              state: Kansas
              time-zone: Central Time
            vocabulary: { uses: test-vocabulary.yaml }
            provisions: []
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.InvalidValue,
            "6:14",
            "'time-zone' must be an IANA time zone id such as America/Chicago, not 'Central Time'"));
    }

    [Fact]
    public void ParseOrdinance_IdUsedByProvisionAndException_ReportsDuplicateId()
    {
        var result = WithProvision("""
              - id: P2
                section: "§ 1"
                title: No support
                text: Shall not support.
                modality: prohibition
                binds: Police
                for: { r: request }
                violated-when: r.kind == 'support'
                exceptions:
                  - { id: P2, section: "§ 2", title: Threat, when: yes }
            """);

        TestFiles.Single(result).Should().Be((
            DiagnosticCodes.InvalidOrdinance,
            "15:15",
            "id 'P2' is already used at line 6; ids of provisions and exceptions must be unique in the ordinance"));
    }

    [Fact]
    public void ParseOrdinance_ObligationWithoutDuty_ReportsMissingKey()
    {
        var result = WithProvision("""
              - id: P3
                section: "§ 4"
                title: Notice
                text: Shall give notice.
                modality: obligation
                binds: Police
                for: { r: request }
                violated-when: r.kind == 'notification'
            """);

        TestFiles.Summary(result).Should().Equal("OR4005 6:5", "OR4004 13:5");
        result.Diagnostics[0].Message.Should().Be("missing required key 'duty' in provision 'P3': an obligation needs 'duty'");
    }

    [Fact]
    public void ParseOrdinance_ManyProblems_ReportsEveryOneInReadingOrder()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            titel: T
            jurisdiction: { name: Town, state: Kansas, time-zone: Mars/Olympus }
            adopted: yesterday
            vocabulary: { uses: test-vocabulary.yaml }
            provisions:
              - id: P1
                section: "§ 1"
                title: One
                text: One.
                modality: maybe
                binds: Police
                for: r
                violated-when: [no]
              - id: P1
                section: "§ 2"
                title: Two
                text: Two.
                modality: permission
                binds: Police
                for: { r: request }
                violated-when: { when: r.kind == 'support', because: x }
            """);

        TestFiles.Summary(result).Should().Equal(
            "OR4005 1:1",  // title missing (it is spelled titel)
            "OR4002 2:1",  // titel
            "OR4008 3:55", // Mars/Olympus
            "OR4008 4:10", // yesterday
            "OR4008 11:15", // maybe
            "OR4004 13:10", // for: r
            "OR4004 14:20", // violated-when: [no]
            "OR2001 15:9", // P1 again
            "OR4002 22:49"); // because
    }

    [Fact]
    public void ParseOrdinance_TypesConflictWithUsedVocabulary_ReportsTheCoreCodeAtTheField()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary:
              uses: test-vocabulary.yaml
              types:
                agency:
                  fields:
                    level: number
            provisions: []
            """);

        var (code, where, message) = TestFiles.Single(result);
        code.Should().Be(DiagnosticCodes.VocabularyConflict);
        where.Should().Be("9:9");
        message.Should().Contain("agency.level");
    }

    [Fact]
    public void ParseOrdinance_UnknownBundledVocabulary_ReportsFileNotFound()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary: { uses: immigration-cooperaton }
            provisions: []
            """);

        var (code, where, message) = TestFiles.Single(result);
        code.Should().Be(YamlDiagnosticCodes.FileNotFound);
        where.Should().Be("4:21");
        message.Should().StartWith("there is no bundled vocabulary 'immigration-cooperaton'")
            .And.EndWith("did you mean 'immigration-cooperation'?");
    }

    [Fact]
    public void ParseOrdinance_MissingVocabularyFile_ReportsFileNotFoundAtUses()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary:
              uses: missing.yaml
            provisions: []
            """);

        TestFiles.Single(result).Should().Be((YamlDiagnosticCodes.FileNotFound, "5:9", "cannot read 'missing.yaml': the file does not exist"));
    }

    [Fact]
    public void ParseOrdinance_AbsoluteVocabularyPath_IsRefused()
    {
        var result = TestFiles.Ordinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary: { uses: /etc/passwd }
            provisions: []
            """);

        TestFiles.Single(result).Code.Should().Be(YamlDiagnosticCodes.InvalidValue);
    }

    [Fact]
    public void ParseOrdinance_ProblemInVocabularyFile_ReportsItInThatFile()
    {
        var result = OrdinanceYaml.ParseOrdinance(
            """
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary: { uses: bad.yaml }
            provisions: []
            """,
            "dir/test.yaml",
            _ => "vocabulary: bad\ntypes:\n  thing:\n    fields:\n      size: big\n");

        var d = result.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(YamlDiagnosticCodes.InvalidValue);
        d.Location.Should().Be(new SourceLocation(Path.Combine("dir", "bad.yaml"), 5, 13));
    }

    [Fact]
    public void LoadOrdinance_MissingFile_ReportsFileNotFound()
    {
        var result = OrdinanceYaml.LoadOrdinance(TestFiles.PathOf("no-such-file.yaml"));

        TestFiles.Single(result).Code.Should().Be(YamlDiagnosticCodes.FileNotFound);
    }

    [Fact]
    public void ParseOrdinance_RootIsAList_ReportsWrongShape()
    {
        var result = TestFiles.Ordinance("- a\n- b\n");

        TestFiles.Single(result).Should().Be((YamlDiagnosticCodes.WrongShape, "1:1", "the file must be a mapping of keys to values, not a list"));
    }

    [Fact]
    public void ParseOrdinance_EmptyText_ReportsWrongShape()
    {
        TestFiles.Single(TestFiles.Ordinance("# nothing here\n")).Code.Should().Be(YamlDiagnosticCodes.WrongShape);
    }
}
