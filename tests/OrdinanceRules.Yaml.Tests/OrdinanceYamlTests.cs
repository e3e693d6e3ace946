using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Yaml.Tests;

public class OrdinanceYamlTests
{
    private static readonly string ValidPath = TestFiles.PathOf("ordinance-valid.yaml");

    [Fact]
    public void LoadOrdinance_ValidFile_MapsHeaderJurisdictionAndSections()
    {
        var result = OrdinanceYaml.LoadOrdinance(ValidPath);

        result.Diagnostics.Should().BeEmpty();
        var ordinance = result.Value!;
        ordinance.Number.Should().Be("1005");
        ordinance.Title.Should().Be("Protecting Public Safety and Community Resources Act");
        ordinance.Jurisdiction.Should().Be(new Jurisdiction("Roeland Park", "Kansas", "America/Chicago"));
        ordinance.AdoptedOn.Should().Be(new DateOnly(2020, 12, 21));
        ordinance.EffectiveFrom.Should().BeNull();
        ordinance.Notes.Should().Be("The enacted text was not found; provisions rest on news reports.\n");
        ordinance.Sections.Should().Equal(
            new Section("§ 2", "Use of city resources", "City officials are not obligated to assist."),
            new Section("§ 3", "Police department", string.Empty));
        ordinance.Location.Should().Be(new Diagnostics.SourceLocation(ValidPath, 1, 1));
    }

    [Fact]
    public void LoadOrdinance_VocabularyWithTypes_ExtendsTheUsedVocabulary()
    {
        var vocabulary = OrdinanceYaml.LoadOrdinance(ValidPath).GetValueOrThrow().Vocabulary;

        vocabulary.Types.Select(t => t.Name).Should().Equal("agency", "request", "notice", "threat", "badge");
        vocabulary.TryGetType("agency", out var agency).Should().BeTrue();
        agency!.Fields.Select(f => f.Name).Should().Equal("name", "level", "enforcesImmigration", "badge");
        agency.TryGetField("badge", out var badge).Should().BeTrue();
        badge!.Type.Should().Be(FieldType.Reference("badge"));
        badge.Location!.Line.Should().Be(20);
        badge.Location.Column.Should().Be(9);
    }

    [Fact]
    public void LoadOrdinance_Prohibition_MapsValuesBindingsAndConditionLocations()
    {
        var p2 = OrdinanceYaml.LoadOrdinance(ValidPath).GetValueOrThrow().Provisions[0];

        p2.Id.Should().Be("P2");
        p2.Section.Should().Be("§ 3(a)");
        p2.Modality.Should().Be(Modality.Prohibition);
        p2.Binds.Should().Be("Roeland Park Police Department");
        p2.Source.Should().Be("news reports (S1, S2, S4)");
        p2.Location.Should().Be(new Diagnostics.SourceLocation(ValidPath, 28, 5));
        p2.For.Should().Equal(
            new Binding("r", "request", new(ValidPath, 36, 7)),
            new Binding("a", "agency", new(ValidPath, 37, 7)));
        p2.Duty.Should().BeNull();

        // Plain scalar: the value's first character.
        p2.Match.Should().Be(new ConditionText("r.to == a", new(ValidPath, 38, 12)));

        // Single-quoted: one column after the quote; '' is one quote.
        p2.AppliesWhen.Should().Be(new ConditionText("a.id == 'RPPD'", new(ValidPath, 39, 20)));

        // Double-quoted: one column after the quote.
        p2.ViolatedWhen!.For.Should().BeEmpty();
        p2.ViolatedWhen.When.Should().Be(new ConditionText("r.kind == 'support' and r.from.enforcesImmigration", new(ValidPath, 40, 21)));
    }

    [Fact]
    public void LoadOrdinance_NestedExceptions_MapsEveryLevel()
    {
        var p2 = OrdinanceYaml.LoadOrdinance(ValidPath).GetValueOrThrow().Provisions[0];

        var e2a = p2.Exceptions.Should().ContainSingle().Subject;
        e2a.Id.Should().Be("E2a");
        e2a.Section.Should().Be("§ 3(b)(1)");
        e2a.Title.Should().Be("Specific threat to public safety");
        e2a.Text.Should().Be("Unless there is a specific threat.");
        e2a.When.For.Should().Equal(new Binding("t", "threat", new(ValidPath, 46, 16)));
        e2a.When.When.Should().Be(new ConditionText("t.specific", new(ValidPath, 47, 15)));
        e2a.Location.Should().Be(new Diagnostics.SourceLocation(ValidPath, 42, 9));

        var e2a1 = e2a.Exceptions.Should().ContainSingle().Subject;
        e2a1.Id.Should().Be("E2a1");
        e2a1.Text.Should().BeNull();
        e2a1.When.For.Should().BeEmpty();
        e2a1.Exceptions.Should().BeEmpty();

        // Literal block: the text as written, located on the line after '|' at the block's indentation.
        e2a1.When.When.Text.Should().Be("r.kind == 'support'\n  and r.statedPurpose == 'threat'\n");
        e2a1.When.When.Location.Should().Be(new Diagnostics.SourceLocation(ValidPath, 53, 15));
    }

    [Fact]
    public void LoadOrdinance_Obligation_MapsDutyAndDeadline()
    {
        var p3 = OrdinanceYaml.LoadOrdinance(ValidPath).GetValueOrThrow().Provisions[1];

        p3.Modality.Should().Be(Modality.Obligation);
        p3.ViolatedWhen.Should().BeNull();
        p3.Exceptions.Should().BeEmpty();

        // Folded block: located on its first content line.
        p3.AppliesWhen.Should().Be(new ConditionText("r.kind == 'notification'\n", new(ValidPath, 63, 7)));

        var duty = p3.Duty!;
        duty.MetBy.For.Should().Equal(new Binding("n", "notice", new(ValidPath, 66, 16)));
        duty.MetBy.When.Should().Be(new ConditionText("n.about == r", new(ValidPath, 67, 15)));
        duty.At.Should().Be(new ConditionText("n.issuedAt", new(ValidPath, 68, 11)));
        duty.Deadline!.Within.Should().Be(TimeSpan.FromHours(48));
        duty.Deadline.From.Should().Be(new ConditionText("r.receivedAt", new(ValidPath, 71, 15)));
        duty.Deadline.Description.Should().Be("RPPD's receipt of the information");
    }

    [Fact]
    public void LoadOrdinance_StatuteWithCitation_IsCitedAsItSays()
    {
        var statute = OrdinanceYaml.LoadOrdinance(Samples.Repository.PathOf("samples", "ordinances", "kansas-ksa-12-16-140.yaml")).GetValueOrThrow();
        var ordinance = OrdinanceYaml.LoadOrdinance(Samples.Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow();

        statute.Citation.Should().Be("K.S.A. 12-16,140");
        statute.Jurisdiction.Level.Should().Be(OrdinanceRules.Model.JurisdictionLevel.State);
        ordinance.Citation.Should().Be("Roeland Park Ordinance 1005");
    }

    [Fact]
    public void ParseOrdinance_BundledVocabulary_LoadsTheEmbeddedResource()
    {
        var result = OrdinanceYaml.ParseOrdinance(
            """
            ordinance: "7"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary: { uses: immigration-cooperation }
            provisions: []
            """,
            "bundled.yaml");

        result.Diagnostics.Should().BeEmpty();
        result.Value!.Vocabulary.Name.Should().Be("immigration-cooperation");
        result.Value.Vocabulary.TryGetType("agency", out _).Should().BeTrue();
    }

    [Fact]
    public void ParseOrdinance_TypesWithoutUses_BuildsAVocabularyFromThem()
    {
        var result = OrdinanceYaml.ParseOrdinance(
            """
            ordinance: "7"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary:
              types:
                permit: { fields: { issuedAt: instant } }
            provisions: []
            """,
            "own-types.yaml");

        result.Diagnostics.Should().BeEmpty();
        result.Value!.Vocabulary.Types.Should().ContainSingle().Which.Name.Should().Be("permit");
    }

    [Fact]
    public void ParseOrdinance_ResolveFile_ReceivesTheRelativePath()
    {
        var asked = new List<string>();
        var result = OrdinanceYaml.ParseOrdinance(
            """
            ordinance: "7"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary: { uses: vocab/test.yaml }
            provisions: []
            """,
            "cities/town.yaml",
            path =>
            {
                asked.Add(path);
                return TestFiles.Read("test-vocabulary.yaml");
            });

        result.Diagnostics.Should().BeEmpty();
        asked.Should().Equal("vocab/test.yaml");
        result.Value!.Vocabulary.Name.Should().Be("test-cooperation");
    }

    [Fact]
    public void ParseOrdinance_WindowsLineEndings_KeepsBlockConditionLocations()
    {
        var yaml = TestFiles.Read("ordinance-valid.yaml").Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = OrdinanceYaml.ParseOrdinance(yaml, ValidPath);

        result.Diagnostics.Should().BeEmpty();
        var when = result.Value!.Provisions[0].Exceptions[0].Exceptions[0].When.When;
        when.Location.Should().Be(new Diagnostics.SourceLocation(ValidPath, 53, 15));
        when.Text.Should().StartWith("r.kind == 'support'");
    }
}
