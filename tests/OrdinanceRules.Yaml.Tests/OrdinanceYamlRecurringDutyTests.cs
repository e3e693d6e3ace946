using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>Recurring duties: a duty each month, quarter or year, whose periods the engine generates from the provision and the as-of instant, through NRules.</summary>
public class OrdinanceYamlRecurringDutyTests
{
    // 'recurs' is on line 17 (its mapping at column 13); the 'due' condition on line 22, column 14.
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        adopted: 2021-05-03
        effective: EFFECTIVE
        vocabulary:
          uses: test-vocabulary.yaml
          types:
            report: { fields: { quarter: text, filedAt: instant } }
        provisions:
          - id: R1
            section: "§ 6"
            title: A report each quarter
            text: The police report to the Council each quarter, within 30 days after the end of the quarter.
            modality: obligation
            binds: Town
            RECURS
            duty:
              met-by: { for: { p: report }, when: p.quarter == q.label }
              at: p.filedAt
              deadline:
                due: DUE
        """;

    private static Result<CompiledOrdinance> Compile(string recurs = "recurs: { every: quarter, as: q }", string due = "q.end + 30 days", string effective = "2021-05-10")
    {
        var read = TestFiles.Ordinance(Ordinance.Replace("RECURS", recurs).Replace("DUE", due).Replace("EFFECTIVE", effective));
        return read.Succeeded ? OrdinanceCompiler.TryCompile(read.Value!) : Result<CompiledOrdinance>.Failure(read.Diagnostics);
    }

    private static Result<ComplianceReport> Evaluate(CompiledOrdinance compiled, string asOf, params (string Id, string Quarter, string FiledAt)[] reports)
    {
        var facts = string.Concat(reports.Select(r => $"\n  - report: {r.Id}\n    quarter: {r.Quarter}\n    filedAt: {r.FiledAt}"));
        var scenario = OrdinanceYaml.ParseScenario($"scenario: S\nfacts:{(facts.Length == 0 ? " []" : facts)}", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();
        return compiled.TryEvaluate(scenario, At(asOf), EvaluationOptions.Default);
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> Statuses(ComplianceReport report) =>
        report.Findings.Select(f => $"{string.Join(",", f.Facts.Select(b => b.FactId))} {f.Status}");

    [Fact]
    public void Evaluate_EachQuarterFromTheEffectiveDate_IsOneFindingAPeriod()
    {
        var compiled = Compile().GetValueOrThrow();

        var report = Evaluate(compiled, "2022-01-20T12:00:00-06:00", ("rep-q2", "2021-Q2", "2021-07-20T09:00"), ("rep-q3", "2021-Q3", "2021-11-15T09:00")).GetValueOrThrow();

        // In force from 10 May 2021: the second quarter is the first; the first quarter of 2022 has begun, its report not yet due.
        Statuses(report).Should().Equal("2021-Q2 Complied", "2021-Q3 Violated", "2021-Q4 Pending", "2022-Q1 Pending");
        report.Findings[1].Reason.Should().Be("The duty arose from quarter 2021-Q3 and fell due at 2021-10-31 00:00:00 -05:00; it was not discharged by then, and no exception applies.");
        report.Findings[0].DischargedAt.Should().Be(At("2021-07-20T09:00:00-05:00"));
    }

    [Fact]
    public void Evaluate_QuarterThatCrossesTheChangeToStandardTime_RunsFromMidnightToMidnight()
    {
        var compiled = Compile(due: "q.end").GetValueOrThrow();

        var report = Evaluate(compiled, "2022-02-01T12:00:00-06:00").GetValueOrThrow();

        // Q4 2021 begins in CDT and ends in CST: its end is midnight as 1 January begins, not 23:00.
        report.Findings.Single(f => f.Facts[0].FactId == "2021-Q4").DueAt.Should().Be(At("2022-01-01T00:00:00-06:00"));
        report.Findings.Single(f => f.Facts[0].FactId == "2021-Q3").DueAt.Should().Be(At("2021-10-01T00:00:00-05:00"));
    }

    [Theory]
    [InlineData("month", "2021-05,2021-06,2021-07")]
    [InlineData("year", "2021")]
    public void Evaluate_MonthsAndYears_AreGeneratedLikeQuarters(string every, string periods)
    {
        var compiled = Compile(recurs: $"recurs: {{ every: {every}, as: q }}", due: "q.end + 10 days").GetValueOrThrow();

        var report = Evaluate(compiled, "2021-07-15T12:00:00-05:00").GetValueOrThrow();

        string.Join(",", report.Findings.Select(f => f.Facts[0].FactId)).Should().Be(periods);
    }

    [Fact]
    public void Evaluate_RecurrenceFromAGivenDay_StartsAtThatDaysPeriod()
    {
        var compiled = Compile(recurs: "recurs: { every: quarter, as: q, from: 2021-10-01 }").GetValueOrThrow();

        var report = Evaluate(compiled, "2022-01-20T12:00:00-06:00").GetValueOrThrow();

        Statuses(report).Should().Equal("2021-Q4 Pending", "2022-Q1 Pending");
    }

    [Fact]
    public void Evaluate_ReportWhoseQuarterIsUnknown_LeavesEachPeriodItCouldDischargeUndetermined()
    {
        var compiled = Compile().GetValueOrThrow();

        var report = Evaluate(compiled, "2021-11-20T12:00:00-06:00", ("rep-1", "unknown", "2021-07-20T09:00")).GetValueOrThrow();

        var q2 = report.Findings[0];
        q2.Status.Should().Be(FindingStatus.Undetermined);
        q2.Unknowns.Should().Equal("report rep-1: quarter");
    }

    [Fact]
    public void Evaluate_EffectiveDateUnknown_EachPeriodIsUndeterminedNamingTheDate()
    {
        var compiled = Compile(effective: "unknown").GetValueOrThrow();

        var report = Evaluate(compiled, "2021-08-01T12:00:00-05:00").GetValueOrThrow();

        // From adoption (3 May 2021); each period is judged by the law in force as it ends, which is unknown.
        report.Findings.Select(f => f.Status).Should().Equal(FindingStatus.Undetermined, FindingStatus.Undetermined);
        report.Findings[0].Unknowns.Single().Should().Contain("the effective date of Town Ordinance 1 is unknown");
    }

    [Fact]
    public void Evaluate_AsOfBeforeTheFirstPeriod_IsNotApplicable()
    {
        var compiled = Compile(recurs: "recurs: { every: quarter, as: q, from: 2022-01-01 }").GetValueOrThrow();

        var report = Evaluate(compiled, "2021-12-01T12:00:00-06:00").GetValueOrThrow();

        report.Findings.Single().Status.Should().Be(FindingStatus.NotApplicable);
    }

    [Fact]
    public void Evaluate_ProvisionInForceUntilADay_GeneratesNoPeriodAfterIt()
    {
        var read = TestFiles.Ordinance(Ordinance.Replace("RECURS", "recurs: { every: quarter, as: q }\n    in-force: { until: 2021-10-01 }").Replace("DUE", "q.end + 30 days").Replace("EFFECTIVE", "2021-05-10"));
        var compiled = OrdinanceCompiler.TryCompile(read.GetValueOrThrow()).GetValueOrThrow();

        var report = Evaluate(compiled, "2022-06-01T12:00:00-05:00").GetValueOrThrow();

        report.Findings.Select(f => f.Facts[0].FactId).Should().Equal("2021-Q2", "2021-Q3");
    }

    [Fact]
    public void Evaluate_PeriodsAndAnotherVariable_AreOneFindingPerCombination()
    {
        var yaml = Ordinance.Replace("RECURS", "recurs: { every: year, as: q }\n    for: { g: agency }\n    applies-when: g.level == 'city'")
            .Replace("p.quarter == q.label", "p.quarter == q.label and p.by == g").Replace("EFFECTIVE", "2021-05-10").Replace("DUE", "q.end + 30 days")
            .Replace("report: { fields: { quarter: text, filedAt: instant } }", "report: { fields: { quarter: text, filedAt: instant, by: { type: reference, to: agency } } }");
        var compiled = OrdinanceCompiler.TryCompile(TestFiles.Ordinance(yaml).GetValueOrThrow()).GetValueOrThrow();
        var scenario = OrdinanceYaml.ParseScenario("""
            scenario: S
            facts:
              - agency: TPD
                level: city
              - agency: ICE
                level: federal
              - report: rep-1
                quarter: "2021"
                by: TPD
                filedAt: 2022-01-10T09:00
            """, "scenario.yaml", compiled.Ordinance).GetValueOrThrow();

        var report = compiled.Evaluate(scenario, At("2022-03-01T12:00:00-06:00"));

        Statuses(report).Should().Equal("2021,ICE NotApplicable", "2021,TPD Complied", "2022,ICE NotApplicable", "2022,TPD Pending");
    }

    [Fact]
    public void Evaluate_WithExplanations_ExplainsEachPeriod()
    {
        var compiled = Compile().GetValueOrThrow();
        var scenario = OrdinanceYaml.ParseScenario("scenario: S\nfacts: []", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();

        var report = compiled.Evaluate(scenario, At("2021-08-20T12:00:00-05:00"), EvaluationOptions.Default with { Explain = true });

        report.Explanations.Should().HaveCount(report.Findings.Length);
        report.Findings.Select(f => f.Status).Should().Equal(FindingStatus.Violated, FindingStatus.Pending);
    }

    [Fact]
    public void Evaluate_MoreThanTheLimitOfPeriods_IsABudgetErrorNamingTheProvision()
    {
        var compiled = Compile(recurs: "recurs: { every: month, as: q, from: 1900-01-01 }").GetValueOrThrow();

        var result = Evaluate(compiled, "2021-08-20T12:00:00-05:00");

        var (code, _, message) = TestFiles.Single(result);
        code.Should().Be(DiagnosticCodes.EvaluationBudget);
        message.Should().Be($"provision R1 recurs each month from 1900-01: as of 2021-08-20T12:00:00-05:00 that is more than {Limits.MaxRecurringPeriods:N0} periods, the limit; evaluate as of an earlier instant, or start the recurrence later ('from:' under 'recurs')");
        result.Diagnostics[0].Location!.File.Should().Be("scenario.yaml");
    }

    [Theory]
    [InlineData("recurs: { every: quater, as: q }", YamlDiagnosticCodes.InvalidValue, "17:22", "'every' must be one of month, quarter, year, not 'quater'; did you mean 'quarter'?")]
    [InlineData("recurs: { every: quarterly, as: q }", YamlDiagnosticCodes.InvalidValue, "17:22", "'every' must be one of month, quarter, year, not 'quarterly'; write the unit alone, 'quarter'")]
    [InlineData("recurs: { every: quarters, as: q }", YamlDiagnosticCodes.InvalidValue, "17:22", "'every' must be one of month, quarter, year, not 'quarters'; write the unit alone, 'quarter'")]
    [InlineData("recurs: { every: quarter }", YamlDiagnosticCodes.MissingKey, "17:13", "missing required key 'as' in 'recurs' of provision 'R1'")]
    [InlineData("recurs: quarterly", YamlDiagnosticCodes.WrongShape, "17:13", "'recurs' in provision 'R1' must be a mapping with 'every' and 'as', such as { every: quarter, as: q }, not text")]
    public void Read_BadRecurs_IsALocatedError(string recurs, string code, string where, string message)
    {
        var (actualCode, actualWhere, actualMessage) = TestFiles.Single(Compile(recurs: recurs));

        (actualCode, actualWhere).Should().Be((code, where));
        actualMessage.Should().StartWith(message);
    }

    [Fact]
    public void Compile_MisspelledPeriodField_IsAnUnknownNameWithASuggestion()
    {
        var (code, where, message) = TestFiles.Single(Compile(due: "q.ende + 30 days"));

        code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        where.Should().Be("22:16");
        message.Should().Contain("did you mean 'end'?");
    }

    [Fact]
    public void Compile_PeriodCompareWithANumber_IsATypeError()
    {
        var (code, where, _) = TestFiles.Single(Compile(due: "q.end + 30 days + q.label"));

        code.Should().Be(DiagnosticCodes.ConditionType);
        where.Should().StartWith("22:");
    }

    [Fact]
    public void Compile_RecurringProhibition_SaysOnlyAnObligationRecurs()
    {
        var yaml = """
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            effective: 2021-01-01
            vocabulary: { uses: test-vocabulary.yaml }
            provisions:
              - id: P1
                section: "§ 1"
                title: T
                text: T
                modality: prohibition
                binds: Town
                recurs: { every: month, as: m }
                violated-when: m.label == '2021-01'
            """;

        var (code, where, message) = TestFiles.Single(OrdinanceCompiler.TryCompile(TestFiles.Ordinance(yaml).GetValueOrThrow()));

        code.Should().Be(DiagnosticCodes.InvalidOrdinance);
        where.Should().Be("13:13");
        message.Should().StartWith("provision P1 recurs, but only an obligation can recur");
    }

    [Fact]
    public void Compile_RecurrenceWithNoDate_SaysToGiveFrom()
    {
        var yaml = Ordinance.Replace("adopted: 2021-05-03\n", string.Empty).Replace("RECURS", "recurs: { every: quarter, as: q }").Replace("DUE", "q.end").Replace("EFFECTIVE", "unknown");

        var (code, where, message) = TestFiles.Single(OrdinanceCompiler.TryCompile(TestFiles.Ordinance(yaml).GetValueOrThrow()));

        code.Should().Be(DiagnosticCodes.InvalidOrdinance);
        where.Should().Be("16:13");
        message.Should().StartWith("provision R1 recurs each quarter, but nothing says from when: give 'from:' under 'recurs'");
    }

    [Fact]
    public void Compile_PeriodVariableAlsoInFor_SaysItIsAlreadyBound()
    {
        var (code, _, message) = TestFiles.Single(Compile(recurs: "recurs: { every: quarter, as: q }\n    for: { q: agency }"));

        code.Should().Be(DiagnosticCodes.InvalidOrdinance);
        message.Should().Be("in provision R1: variable 'q' is already bound; choose another name");
    }

    [Fact]
    public void Read_CalendarTimeInWithin_SaysToGiveTheDueInstant()
    {
        var yaml = Ordinance.Replace("RECURS", "recurs: { every: quarter, as: q }").Replace("due: DUE", "within: 30 days\n        from: q.end").Replace("EFFECTIVE", "2021-05-10");

        var (code, where, message) = TestFiles.Single(TestFiles.Ordinance(yaml));

        code.Should().Be(YamlDiagnosticCodes.InvalidValue);
        where.Should().Be("22:17");
        message.Should().Be("'within' must be a duration such as 48h, 30m, 2d or 1h30m, not '30 days': 'within' counts elapsed time; for calendar time give the due instant, such as due: q.end + 30 days");
    }
}
