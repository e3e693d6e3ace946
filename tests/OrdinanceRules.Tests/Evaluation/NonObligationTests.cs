using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Tests.Evaluation;

public class NonObligationTests
{
    private static readonly FactVocabulary Vocabulary = FactVocabulary.Create("liberty",
    [
        new FactType("agency", [new FieldDefinition("enforcesImmigration", FieldType.YesNo)]),
        new FactType("request", [
            new FieldDefinition("from", FieldType.Reference("agency")),
            new FieldDefinition("declined", FieldType.YesNo),
        ]),
        new FactType("directive", [
            new FieldDefinition("request", FieldType.Reference("request")),
            new FieldDefinition("kind", FieldType.Enumeration(["order", "penalty", "guidance"])),
        ]),
    ]);

    private static readonly CompiledOrdinance Compiled = OrdinanceCompiler.Compile(new Ordinance
    {
        Title = "Liberty Act",
        Number = "2",
        Jurisdiction = new Jurisdiction("Roeland Park", "Kansas", "America/Chicago"),
        Vocabulary = Vocabulary,
        Provisions =
        [
            new Provision
            {
                Id = "P1",
                Section = "§ 2",
                Title = "Not obligated to use city resources",
                Text = "City officials are not obligated to use city funds or resources to help federal immigration agencies.",
                Modality = Modality.NonObligation,
                Binds = "City officials",
                For = [new Binding("r", "request")],
                AppliesWhen = "r.from.enforcesImmigration and (r.declined or known(r.declined) == no)",
                ViolatedWhen = new FactTest([new Binding("d", "directive")], "d.request == r and d.kind in ['order', 'penalty']"),
            },
        ],
    });

    private static Finding Evaluate(bool? declined, string? directive)
    {
        var builder = new OrdinanceRules.Facts.ScenarioBuilder(Vocabulary, "America/Chicago")
            .Fact("agency", "ICE-ERO", f => f.Set("enforcesImmigration", true))
            .Fact("request", "r1", f =>
            {
                f.Set("from", "ICE-ERO");
                if (declined is null)
                {
                    f.Unknown("declined");
                }
                else
                {
                    f.Set("declined", declined.Value);
                }
            });
        if (directive is not null)
        {
            builder.Fact("directive", "d1", f => f.Set("request", "r1").Set("kind", directive));
        }

        return Compiled.Evaluate(builder.Build(), TestOrdinance.AsOf).For("P1").Should().ContainSingle().Subject;
    }

    [Fact]
    public void Evaluate_OfficialDeclinesAndIsNotPenalized_IsComplied() =>
        Evaluate(declined: true, directive: null).Status.Should().Be(FindingStatus.Complied);

    [Fact]
    public void Evaluate_OfficialOrderedToCooperate_IsViolatedThroughTheDirective()
    {
        var finding = Evaluate(declined: true, directive: "penalty");

        finding.Status.Should().Be(FindingStatus.Violated);
        finding.Facts.Select(f => f.FactId).Should().Equal("r1", "d1");
        finding.Reason.Should().StartWith("An official was treated as obligated");
    }

    [Fact]
    public void Evaluate_VoluntaryCooperation_IsNotApplicable() =>
        Evaluate(declined: false, directive: null).Status.Should().Be(FindingStatus.NotApplicable);

    [Fact]
    public void Evaluate_GuidanceOnly_IsComplied() =>
        Evaluate(declined: true, directive: "guidance").Status.Should().Be(FindingStatus.Complied);
}
