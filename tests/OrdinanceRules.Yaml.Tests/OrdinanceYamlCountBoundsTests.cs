namespace OrdinanceRules.Yaml.Tests;

/// <summary>
/// A count with members whose where-clause is unknown is unknown within bounds: a comparison every count within them
/// answers alike is decided, through NRules, over the facts of a type and over a set of references.
/// </summary>
public class OrdinanceYamlCountBoundsTests
{
    // C1's violated-when is the condition under test: Violated where it is yes, Complied where no, Undetermined where unknown.
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary:
          uses: test-vocabulary.yaml
          types:
            paper:
              fields: { signedByJudge: yes-no }
            hold:
              fields: { basedOn: { type: set, to: paper } }
        provisions:
          - id: C1
            section: "§ 1"
            title: Counted papers
            text: A hold counts the papers a judge signed.
            modality: prohibition
            binds: Town
            for: { h: hold }
            violated-when: CONDITION
        """;

    private static readonly DateTimeOffset AsOf = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Signed = "count(p in paper, p.signedByJudge)";

    private const string P4 = "paper p4: signedByJudge";

    // Three papers signed, p4's signature unknown: the count is 3 or 4.
    private static string Papers(string p4 = "unknown", string basedOn = "[p1, p4]") => $"""
          - paper: p1
            signedByJudge: yes
          - paper: p2
            signedByJudge: yes
          - paper: p3
            signedByJudge: yes
          - paper: p4
            signedByJudge: {p4}
          - hold: h-1
            basedOn: {basedOn}
        """;

    private static Finding C1(string condition, string facts) =>
        TestFiles.Evaluate(Ordinance.Replace("CONDITION", condition, StringComparison.Ordinal), facts, AsOf).For("C1").Single();

    public static TheoryData<string, FindingStatus> OverAType => new()
    {
        // The count is 3 or 4: decided where both give one answer, on either side of the comparison.
        { $"{Signed} >= 1", FindingStatus.Violated },
        { $"{Signed} > 2", FindingStatus.Violated },
        { $"{Signed} <= 4", FindingStatus.Violated },
        { $"{Signed} < 3", FindingStatus.Complied },
        { $"{Signed} == 2", FindingStatus.Complied },
        { $"{Signed} != 5", FindingStatus.Violated },
        { $"5 > {Signed}", FindingStatus.Violated },
        { $"3 > {Signed}", FindingStatus.Complied },
        { $"2 == {Signed}", FindingStatus.Complied },
        { $"{Signed} >= 4", FindingStatus.Undetermined },
        { $"{Signed} == 3", FindingStatus.Undetermined },
        { $"{Signed} != 4", FindingStatus.Undetermined },
        { $"4 <= {Signed}", FindingStatus.Undetermined },
        { $"3 < {Signed}", FindingStatus.Undetermined },
    };

    [Theory]
    [MemberData(nameof(OverAType))]
    public void Evaluate_CountOverATypeWithAnUnknownMember_IsDecidedWhereTheMemberCannotChangeTheAnswer(string condition, FindingStatus expected)
    {
        var finding = C1(condition, Papers());

        finding.Status.Should().Be(expected, condition);
        finding.Unknowns.Should().Equal(expected == FindingStatus.Undetermined ? [P4] : Array.Empty<string>());
    }

    [Fact]
    public void Evaluate_CountWithEveryMemberKnown_IsTheNumber()
    {
        C1($"{Signed} == 4", Papers("yes")).Status.Should().Be(FindingStatus.Violated);
        C1($"{Signed} == 3", Papers("no")).Status.Should().Be(FindingStatus.Violated);
    }

    public static TheoryData<string, FindingStatus> Arithmetic => new()
    {
        // A known number added or subtracted shifts the bounds (3..4 + 1 is 4..5); subtracted from, mirrors them (10 - 3..4 is 6..7).
        { $"{Signed} + 1 >= 4", FindingStatus.Violated },
        { $"1 + {Signed} > 5", FindingStatus.Complied },
        { $"{Signed} - 3 > 0", FindingStatus.Undetermined },
        { $"{Signed} - 3 >= 0", FindingStatus.Violated },
        { $"10 - {Signed} >= 6", FindingStatus.Violated },
        { $"10 - {Signed} < 6", FindingStatus.Complied },
        { $"10 - {Signed} > 6", FindingStatus.Undetermined },
        { $"({Signed} + 1) - 2 < 2", FindingStatus.Complied },

        // Any other arithmetic drops the bounds: two unknown counts added stay unknown, whatever they are compared with.
        { $"{Signed} + {Signed} >= 1", FindingStatus.Undetermined },

        // if gives the branch it takes with its bounds; with an unknown test it has none.
        { $"(if h.basedOn == none then 0 else {Signed}) >= 1", FindingStatus.Violated },
        { $"(if {Signed} > 3 then 5 else {Signed}) >= 1", FindingStatus.Undetermined },
    };

    [Theory]
    [MemberData(nameof(Arithmetic))]
    public void Evaluate_ArithmeticOnACount_ShiftsItsBoundsByAKnownNumberAndDropsThemOtherwise(string condition, FindingStatus expected)
    {
        var finding = C1(condition, Papers());

        finding.Status.Should().Be(expected, condition);
        finding.Unknowns.Should().Equal(expected == FindingStatus.Undetermined ? [P4] : Array.Empty<string>());
    }

    [Fact]
    public void Evaluate_CountOverASetOfReferences_IsBoundedByTheMembersThatMayPass()
    {
        // h-1 rests on p1 (signed) and p4 (unknown): the count is 1 or 2.
        C1("count(d in h.basedOn, d.signedByJudge) >= 1", Papers()).Status.Should().Be(FindingStatus.Violated);
        C1("count(d in h.basedOn, d.signedByJudge) > 2", Papers()).Status.Should().Be(FindingStatus.Complied);

        var open = C1("count(d in h.basedOn, d.signedByJudge) > 1", Papers());
        open.Status.Should().Be(FindingStatus.Undetermined);
        open.Unknowns.Should().Equal(P4);

        C1("count(d in h.basedOn, d.signedByJudge) > 1", Papers(basedOn: "[p1, p2, p4]")).Status.Should().Be(FindingStatus.Violated);
        C1("count(d in h.basedOn, d.signedByJudge) == 0", Papers(basedOn: "[p4]")).Status.Should().Be(FindingStatus.Undetermined);
    }

    [Fact]
    public void Evaluate_UnknownSet_KeepsTheCountUnboundedAndUnknown()
    {
        var finding = C1("count(d in h.basedOn, d.signedByJudge) >= 0", Papers(basedOn: "unknown"));

        finding.Status.Should().Be(FindingStatus.Undetermined, "an unknown set makes the count unknown, with no bounds");
        finding.Unknowns.Should().Equal("hold h-1: basedOn");
    }

    [Fact]
    public void Evaluate_FurtherPapersMayExist_CountHasNoUpperBound()
    {
        const string Further = "\nunknown: [paper]\n";
        const string FurtherPaper = "whether any further paper exists";

        // p1 to p3 are found: a further paper can only add to the count.
        C1($"{Signed} > 0", Papers("yes") + Further).Status.Should().Be(FindingStatus.Violated);
        C1($"{Signed} >= 3", Papers() + Further).Status.Should().Be(FindingStatus.Violated);
        C1($"0 == {Signed}", Papers("no") + Further).Status.Should().Be(FindingStatus.Complied);

        var below = C1($"{Signed} < 5", Papers("yes") + Further);
        below.Status.Should().Be(FindingStatus.Undetermined, "further papers could make five");
        below.Unknowns.Should().Equal(FurtherPaper);

        var both = C1($"{Signed} < 5", Papers() + Further);
        both.Status.Should().Be(FindingStatus.Undetermined);
        both.Unknowns.Should().Equal(P4, FurtherPaper);

        // 10 minus a count of at least 4 with no upper bound is at most 6, with no lower bound.
        C1($"10 - {Signed} > 6", Papers("yes") + Further).Status.Should().Be(FindingStatus.Complied);
        C1($"10 - {Signed} < 7", Papers("yes") + Further).Status.Should().Be(FindingStatus.Violated);
        C1($"10 - {Signed} < 6", Papers("yes") + Further).Status.Should().Be(FindingStatus.Undetermined);
    }
}
