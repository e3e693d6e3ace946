using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Tests;

/// <summary>A small ordinance built in C#, after Roeland Park's P2 and P3, to exercise the engine without YAML (its vocabulary gives the bundled one's none defaults to ends and links "if any").</summary>
internal static class TestOrdinance
{
    public static readonly FactVocabulary Vocabulary = FactVocabulary.Create("test",
    [
        new FactType("agency", [
            new FieldDefinition("enforcesImmigration", FieldType.YesNo),
            new FieldDefinition("level", FieldType.Enumeration(["federal", "city"])),
        ]),
        new FactType("action", [
            new FieldDefinition("agency", FieldType.Reference("agency")),
            new FieldDefinition("beneficiary", FieldType.Reference("agency")) { Default = FieldDefault.None },
            new FieldDefinition("purposes", FieldType.EnumerationSet(["civil-immigration", "criminal-immigration", "criminal-other"])),
            new FieldDefinition("start", FieldType.Instant),
            new FieldDefinition("operation", FieldType.Reference("operation")) { Default = FieldDefault.None },
        ]),
        new FactType("threat", [
            new FieldDefinition("specificity", FieldType.Enumeration(["specific", "general"])),
            new FieldDefinition("startedAt", FieldType.Instant),
            new FieldDefinition("endedAt", FieldType.Instant) { Default = FieldDefault.None },
            new FieldDefinition("action", FieldType.Reference("action")) { Default = FieldDefault.None },
        ]),
        new FactType("crime", [
            new FieldDefinition("isCriminal", FieldType.YesNo),
            new FieldDefinition("startedAt", FieldType.Instant),
            new FieldDefinition("endedAt", FieldType.Instant) { Default = FieldDefault.None },
            new FieldDefinition("operation", FieldType.Reference("operation")) { Default = FieldDefault.None },
        ]),
        new FactType("operation", [
            new FieldDefinition("agency", FieldType.Reference("agency")),
            new FieldDefinition("status", FieldType.Enumeration(["planned", "ongoing", "completed"])),
            new FieldDefinition("plannedStart", FieldType.Instant),
        ]),
        new FactType("awareness", [
            new FieldDefinition("agency", FieldType.Reference("agency")),
            new FieldDefinition("operation", FieldType.Reference("operation")),
            new FieldDefinition("receivedAt", FieldType.Instant),
        ]),
        new FactType("notice", [
            new FieldDefinition("issuer", FieldType.Reference("agency")),
            new FieldDefinition("operation", FieldType.Reference("operation")),
            new FieldDefinition("issuedAt", FieldType.Instant),
            new FieldDefinition("audience", FieldType.Enumeration(["public", "internal"])),
        ]),
    ]);

    public static readonly Provision NoSupport = new()
    {
        Id = "P2",
        Section = "§ 3(a)",
        Title = "No police support for immigration enforcement",
        Text = "The police department shall not provide support to ICE for immigration enforcement.",
        Modality = Modality.Prohibition,
        Binds = "Police department",
        For = [new Binding("a", "action")],
        AppliesWhen = "a.agency.id == 'RPPD'",
        ViolatedWhen = FactTest.Of("a.beneficiary.enforcesImmigration and only(a.purposes, ['civil-immigration', 'criminal-immigration'])"),
        Exceptions =
        [
            new ProvisionException
            {
                Id = "E2a",
                Section = "§ 3(b)(1)",
                Title = "Specific threat to public safety",
                When = new FactTest([new Binding("t", "threat")], "t.action == a and t.specificity == 'specific' and within(a.start, t.startedAt, t.endedAt)"),
            },
            new ProvisionException
            {
                Id = "E2b",
                Section = "§ 3(b)(2)",
                Title = "Crime in progress",
                When = new FactTest([new Binding("c", "crime")], "c.operation == a.operation and c.isCriminal and within(a.start, c.startedAt, c.endedAt)"),
            },
        ],
    };

    public static readonly Provision Alert = new()
    {
        Id = "P3",
        Section = "§ 4",
        Title = "Alert residents of planned federal immigration enforcement",
        Text = "The police shall alert residents of planned federal immigration enforcement activity within 48 hours.",
        Modality = Modality.Obligation,
        Binds = "Police department",
        For = [new Binding("o", "operation"), new Binding("k", "awareness")],
        Match = "k.operation == o",
        AppliesWhen = "k.agency.id == 'RPPD' and o.agency.enforcesImmigration and o.status in ['planned', 'ongoing']",
        Duty = new Duty(
            new FactTest([new Binding("n", "notice")], "n.operation == o and n.audience == 'public'"),
            "n.issuedAt",
            new Deadline(TimeSpan.FromHours(48), "k.receivedAt", "receipt of the information")),
        Exceptions =
        [
            new ProvisionException
            {
                Id = "E3",
                Section = "§ 4(b)",
                Title = "Crime occurring",
                When = new FactTest([new Binding("c", "crime")], "c.operation == o and c.isCriminal and within(k.receivedAt, c.startedAt, c.endedAt)"),
            },
        ],
    };

    public static Ordinance Create(params Provision[] provisions) => new()
    {
        Title = "Test Act",
        Number = "1",
        Jurisdiction = new Jurisdiction("Roeland Park", "Kansas", "America/Chicago"),
        AdoptedOn = new DateOnly(2020, 12, 21),
        Provisions = provisions.Length == 0 ? [NoSupport, Alert] : [.. provisions],
        Vocabulary = Vocabulary,
    };

    /// <summary>
    /// P2 with an exception to an exception: a crime in progress excepts the breach, unless the crime is not
    /// criminal after all (a civil immigration violation).
    /// </summary>
    public static readonly Provision NoSupportNested = NoSupport with
    {
        Exceptions =
        [
            new ProvisionException
            {
                Id = "E2b",
                Section = "§ 3(b)(2)",
                Title = "Crime in progress",
                When = new FactTest([new Binding("c", "crime")], "c.operation == a.operation and within(a.start, c.startedAt, c.endedAt)"),
                Exceptions =
                [
                    new ProvisionException
                    {
                        Id = "E2b-1",
                        Section = "§ 3(c)",
                        Title = "Civil violations are not crimes",
                        When = FactTest.Of("not c.isCriminal"),
                    },
                ],
            },
        ],
    };

    private static readonly Lazy<CompiledOrdinance> NestedCompiledOrdinance = new(() => OrdinanceCompiler.Compile(Create(NoSupportNested)));

    public static CompiledOrdinance NestedCompiled => NestedCompiledOrdinance.Value;

    private static readonly Lazy<CompiledOrdinance> DefaultCompiled = new(() => OrdinanceCompiler.Compile(Create()));

    public static CompiledOrdinance Compiled => DefaultCompiled.Value;

    /// <summary>A scenario builder with the agencies every scenario needs.</summary>
    public static ScenarioBuilder Scenario() => new ScenarioBuilder(Vocabulary, "America/Chicago")
        .Fact("agency", "RPPD", f => f.Set("enforcesImmigration", false).Set("level", "city"))
        .Fact("agency", "ICE-ERO", f => f.Set("enforcesImmigration", true).Set("level", "federal"))
        .Fact("agency", "USCIS", f => f.Set("enforcesImmigration", false).Set("level", "federal"));

    public static readonly DateTimeOffset AsOf = new(2021, 6, 1, 12, 0, 0, TimeSpan.FromHours(-5));
}
