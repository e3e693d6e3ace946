using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Yaml.Tests.Extends;

/// <summary>
/// <c>extends:</c>, <c>parameters:</c> and <c>overrides:</c>: a city file that builds on a model, read from
/// files on disk, merged, compiled and evaluated through NRules.
/// </summary>
public sealed class OrdinanceYamlExtendsTests : IDisposable
{
    // Lines 1-33. Two provisions: M1 reads three parameters, M2 reads none.
    private const string Model = """
        ordinance: model
        citation: Test model
        title: Model rules
        jurisdiction: { name: Model, state: Kansas, time-zone: America/Chicago }
        parameters:
          police: { type: text-list, default: [PD], description: The police ids. }
          warrant-excepts: { type: yes-no, default: yes, description: Whether a judicial warrant excepts. }
          kinds: { type: choice-set, choices: [detain, transport], default: [detain], description: The acts covered. }
        vocabulary: { uses: immigration-cooperation }
        provisions:
          - id: M1
            section: "Rule 1"
            title: No help to ICE
            text: The police do not help ICE.
            modality: prohibition
            binds: Police
            for: { a: action }
            applies-when: a.agency.id in param('police') and a.kind in param('kinds')
            violated-when: a.beneficiary.component == 'ice-ero'
            exceptions:
              - id: M1-E1
                section: "Rule 1"
                title: Judicial warrant
                when: param('warrant-excepts') and a.inResponseTo.document.type == 'judicial-arrest-warrant'
          - id: M2
            section: "Rule 2"
            title: No status questions
            text: Officials do not ask about status.
            modality: prohibition
            binds: City
            for: { i: inquiry }
            applies-when: i.agency.isCityDepartment
            violated-when: i.topic == 'immigration-status'
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("extends-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Extends_KeepsEditsRemovesAndAdds_EachKeptProvisionCitingTheModel()
    {
        Write("model.yaml", Model);
        var city = Load("city.yaml", City("""
            overrides:
              M1: { section: "Sec. 3(a)" }
              M2: { remove: Not adopted. }
            provisions:
              - id: C1
                section: "Sec. 4"
                title: Own rule
                text: The city's own.
                modality: prohibition
                binds: City
                for: { i: inquiry }
                violated-when: i.topic == 'citizenship'
            """)).GetValueOrThrow();

        city.Provisions.Select(p => (p.Id, p.Section, p.Origin?.ToString())).Should().Equal(
            ("M1", "Sec. 3(a)", "from Test model, Rule 1"),
            ("C1", "Sec. 4", null));
        city.Extends.Should().Equal("Test model");
        city.Parameters.Select(p => p.Name).Should().Equal("police", "warrant-excepts", "kinds");
    }

    [Fact]
    public void Extends_ReplacedProvision_KeepsItsIdAndSaysItReplacesTheModels()
    {
        Write("model.yaml", Model);
        var city = Load("city.yaml", City("""
            overrides:
              M2:
                replace:
                  section: "Sec. 5"
                  title: No citizenship questions
                  text: Officials do not ask about citizenship.
                  modality: prohibition
                  binds: City
                  for: { i: inquiry }
                  violated-when: i.topic == 'citizenship'
            """)).GetValueOrThrow();

        var replaced = city.Provisions.Single(p => p.Id == "M2");
        replaced.Section.Should().Be("Sec. 5");
        replaced.Origin.Should().Be(new ProvisionOrigin("Test model", "Rule 2", Replaced: true));
    }

    [Theory]
    [InlineData("", "Violated")]
    [InlineData("parameters: { warrant-excepts: no }", "Violated")]
    [InlineData("parameters: { police: [KCKPD] }", "NotApplicable")]
    [InlineData("parameters: { kinds: [transport] }", "NotApplicable")]
    public void Parameters_SetByTheCity_DecideTheOutcome(string parameters, string expected)
    {
        Write("model.yaml", Model);
        var compiled = OrdinanceCompiler.Compile(Load("city.yaml", City(parameters)).GetValueOrThrow());

        var report = compiled.Evaluate(Hold(compiled.Ordinance, warrant: false), At);

        report.For("M1").Single().Status.Should().Be(Enum.Parse<FindingStatus>(expected));
    }

    [Fact]
    public void Parameters_TheModelsDefault_ReachesTheCityThatDoesNotSetIt()
    {
        Write("model.yaml", Model);
        Write("city.yaml", City(string.Empty));
        var before = Evaluate("city.yaml", warrant: true);

        Write("model.yaml", Model.Replace("default: yes", "default: no", StringComparison.Ordinal));
        var after = Evaluate("city.yaml", warrant: true);

        before.Should().Be(FindingStatus.ExceptionApplies);
        after.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Extends_ACycle_IsAnErrorAtTheExtendsValue()
    {
        Write("a.yaml", "extends: b.yaml\n" + Header("A"));
        Write("b.yaml", "extends: a.yaml\n" + Header("B"));

        var result = OrdinanceYaml.LoadOrdinance(Path.Combine(_folder, "a.yaml"));

        var cycle = result.Diagnostics.Single(d => d.Code == YamlDiagnosticCodes.ExtendsCycle);
        cycle.Location!.File.Should().EndWith("b.yaml");
        (cycle.Location.Line, cycle.Location.Column).Should().Be((1, 10));
        cycle.Message.Should().Contain("a.yaml → b.yaml → a.yaml");
        result.Diagnostics.Should().Contain(d => d.Code == YamlDiagnosticCodes.FileNotFound && d.Location!.File.EndsWith("a.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Extends_AMissingBase_IsAnErrorAtTheExtendsValue()
    {
        var result = Load("city.yaml", "extends: nowhere.yaml\n" + Header("City"));

        var (code, where, message) = TestFiles.Single(result);
        code.Should().Be(YamlDiagnosticCodes.FileNotFound);
        where.Should().Be("1:10");
        message.Should().Contain("nowhere.yaml").And.Contain("does not exist");
    }

    [Fact]
    public void Overrides_AnUnknownProvision_IsAnErrorWithDidYouMean()
    {
        Write("model.yaml", Model);
        var result = Load("city.yaml", City("overrides:\n  M3: { remove: gone }"));

        var (code, where, message) = TestFiles.Single(result);
        code.Should().Be(YamlDiagnosticCodes.UnknownOverride);
        where.Should().Be("7:3");
        message.Should().Be("'overrides' names 'M3', which is not a provision of Test model (its provisions: M1, M2); did you mean 'M1'?");
    }

    [Fact]
    public void Parameters_AnUnknownName_IsAnErrorWithDidYouMean()
    {
        Write("model.yaml", Model);
        var result = Load("city.yaml", City("parameters:\n  polise: [KCKPD]"));

        var (code, where, message) = TestFiles.Single(result);
        code.Should().Be(YamlDiagnosticCodes.UnknownOverride);
        where.Should().Be("7:3");
        message.Should().Be("parameter 'polise' is not declared by Test model (its parameters: police, warrant-excepts, kinds); did you mean 'police'?");
    }

    [Theory]
    [InlineData("warrant-excepts: maybe", YamlDiagnosticCodes.InvalidValue, "parameter 'warrant-excepts' takes yes or no, not 'maybe'")]
    [InlineData("kinds: [detain, arrest]", YamlDiagnosticCodes.InvalidValue, "parameter 'kinds' lists 'arrest', which is not one of its choices: detain, transport")]
    [InlineData("police: KCKPD", YamlDiagnosticCodes.WrongShape, "parameter 'police' takes a list, such as [a, b], not text")]
    public void Parameters_AValueOfTheWrongKind_IsAnError(string setting, string expectedCode, string expected)
    {
        Write("model.yaml", Model);
        var result = Load("city.yaml", City("parameters:\n  " + setting));

        var (code, _, message) = TestFiles.Single(result);
        code.Should().Be(expectedCode);
        message.Should().Be(expected);
    }

    [Fact]
    public void Overrides_ANewProvisionWithAModelsId_IsAnErrorThatPointsToReplace()
    {
        Write("model.yaml", Model);
        var result = Load("city.yaml", City("""
            provisions:
              - id: M2
                section: "Sec. 5"
                title: Again
                text: Again.
                modality: prohibition
                binds: City
                for: { i: inquiry }
                violated-when: i.topic == 'citizenship'
            """));

        var (code, _, message) = TestFiles.Single(result);
        code.Should().Be(DiagnosticCodes.InvalidOrdinance);
        message.Should().Contain("id 'M2' is already used by Test model").And.Contain("replace");
    }

    [Fact]
    public void Param_AnUnknownParameterInACondition_IsAnErrorAtItsName()
    {
        var ordinance = Load("model.yaml", Model.Replace("param('kinds')", "param('kind')", StringComparison.Ordinal)).GetValueOrThrow();

        var result = OrdinanceCompiler.TryCompile(ordinance);

        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.ConditionUnknownName)
            .Which.Message.Should().EndWith("'kind' is not a parameter of this ordinance (parameters: police, warrant-excepts, kinds); did you mean 'kinds'?");
    }

    [Fact]
    public void Param_IsTypedByItsKind()
    {
        var ordinance = Load("model.yaml", Model.Replace("param('warrant-excepts') and", "param('warrant-excepts') == 'x' and", StringComparison.Ordinal)).GetValueOrThrow();

        var result = OrdinanceCompiler.TryCompile(ordinance);

        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.ConditionType)
            .Which.Message.Should().Contain("cannot compare yes/no with text");
    }

    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2022-03-10T12:00:00-06:00", System.Globalization.CultureInfo.InvariantCulture);

    private static string Header(string name) => $$"""
        ordinance: "1"
        title: {{name}}
        jurisdiction: { name: {{name}}, state: Kansas, time-zone: America/Chicago }
        """;

    /// <summary>A city file extending model.yaml (lines 1-5), then <paramref name="rest"/> from line 6.</summary>
    private static string City(string rest) => "extends: model.yaml\n" + Header("City") + "\ncitation: City Act\n" + rest;

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    private Result<Ordinance> Load(string name, string text)
    {
        Write(name, text);
        return OrdinanceYaml.LoadOrdinance(Path.Combine(_folder, name));
    }

    private FindingStatus Evaluate(string name, bool warrant)
    {
        var compiled = OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Path.Combine(_folder, name)).GetValueOrThrow());
        return compiled.Evaluate(Hold(compiled.Ordinance, warrant), At).For("M1").Single().Status;
    }

    private static Scenario Hold(Ordinance ordinance, bool warrant)
    {
        var builder = new ScenarioBuilder(ordinance.Vocabulary, "America/Chicago")
            .Fact("agency", "PD", f => f.Set("isCityDepartment", true).Set("component", "city-department"))
            .Fact("agency", "ICE-ERO", f => f.Set("component", "ice-ero").Set("enforcesImmigration", true))
            .Fact("document", "doc-1", f => f.Set("type", warrant ? "judicial-arrest-warrant" : "detainer-i247a"))
            .Fact("request", "req-1", f => f.Set("from", "ICE-ERO").Set("kind", "hold-custody").Set("document", "doc-1"))
            .Fact("action", "act-1", f => f.Set("agency", "PD").Set("kind", "detain").Set("inResponseTo", "req-1").Set("beneficiary", "ICE-ERO").Set("start", At.AddDays(-1)));
        return builder.Build();
    }
}
