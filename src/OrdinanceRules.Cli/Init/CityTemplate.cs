using System.Globalization;
using OrdinanceRules.Cli.SampleFiles;
using OrdinanceRules.Cli.Schemas;

namespace OrdinanceRules.Cli.Init;

/// <summary>
/// The files <c>ordinance init</c> writes for a new city: an ordinance file that <c>extends:</c> a copy of the bundled
/// ACLU of Kansas model (in <c>base/</c>, so that every reference stays inside the city's folder), sets two of its
/// parameters and shows in comments how to edit, remove, replace and add provisions; a vocabulary extension stub;
/// two scenarios; a test suite that expects their findings; the JSON Schemas of the file formats; and VS Code
/// settings that map the schemas to the folder's files. Every file validates and the suite passes as written.
/// </summary>
internal sealed record CityTemplate(string Slug, string Name, string State, string TimeZone)
{
    /// <summary>The bundled model the city's ordinance extends, as <see cref="BundledSamples"/> names it.</summary>
    public const string ModelSample = "ordinances/aclu-kansas-model.yaml";

    /// <summary>The copy of the model in the city's folder, as the ordinance's <c>extends:</c> names it.</summary>
    public const string BasePath = "base/aclu-kansas-model.yaml";

    /// <summary>The editor settings' path in the city's folder.</summary>
    public const string EditorSettingsPath = ".vscode/settings.json";

    /// <summary>The folder, in the city's folder, that holds the schemas of the file formats.</summary>
    public const string SchemaFolder = ".ordinance/schemas";

    /// <summary>The file formats the editor settings map, each with the globs of the city's files of that kind.</summary>
    private static readonly string[] SchemaNames = ["ordinance", "vocabulary", "scenario", "suite"];

    /// <summary>The ordinance file's path in the city's folder.</summary>
    public string OrdinancePath => $"{Slug}.yaml";

    /// <summary>The vocabulary extension's path in the city's folder.</summary>
    public string VocabularyPath => $"vocabulary/{Slug}.yaml";

    /// <summary>The suite's path in the city's folder.</summary>
    public string SuitePath => $"tests/{Slug}.suite.yaml";

    /// <summary>The scenario the next steps check, in the city's folder.</summary>
    public const string DetainerScenarioPath = "scenarios/detainer-hold-past-release.yaml";

    private const string AlertScenarioPath = "scenarios/ice-arrest-alert-after-60-hours.yaml";

    /// <summary>
    /// The id the scenarios give the city's police, which the ordinance sets as the model's <c>police</c>
    /// parameter: the initials of the folder's name and PD, such as <c>OPPD</c> for <c>overland-park</c>.
    /// </summary>
    public string Police =>
        string.Concat(Slug.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture))) + "PD";

    /// <summary>Each file to write: its path relative to the city's folder (with <c>/</c>) and its text.</summary>
    public IReadOnlyList<(string Path, string Text)> Files =>
    [
        (OrdinancePath, Ordinance),
        (BasePath, BundledSamples.Read(ModelSample)),
        (VocabularyPath, Vocabulary),
        (DetainerScenarioPath, DetainerScenario),
        (AlertScenarioPath, AlertScenario),
        (SuitePath, Suite),
        .. SchemaNames.Select(n => ($"{SchemaFolder}/{n}.schema.json", n == "scenario" ? ScenarioSchema : BundledSchemas.Read(n))),
        (EditorSettingsPath, EditorSettings),
    ];

    /// <summary>
    /// The schema of the city's scenarios, made for its vocabulary (the standard one with the stub's additions), so that
    /// the editor completes fact types, fields and values; after editing the extension, regenerate it with the command
    /// the stub's comments give.
    /// </summary>
    private string ScenarioSchema =>
        FileSchemas.Text(FileSchemas.Scenario(Yaml.OrdinanceYaml.ParseVocabulary(Vocabulary, VocabularyPath).GetValueOrThrow()));

    private string Ordinance => $$"""
        # {{Name}}, {{State}}: an ordinance file written by `ordinance init`. It starts from the ACLU of Kansas
        # "Safe & Welcoming" model rules: base/aclu-kansas-model.yaml is a copy of the model bundled with
        # OrdinanceRules (partly reconstructed; its header says which parts). Write down only what your
        # council changed: set the model's parameters, edit, replace or remove its provisions by id, and add
        # your own. The provisions you leave alone are kept, and their findings cite the model's section.
        # After each change, from the folder that holds {{Slug}}/:
        #   ordinance validate {{Slug}}
        #   ordinance test {{Slug}}/tests
        #   ordinance readings {{Slug}}/{{OrdinancePath}}      (every parameter: the value in force, the model's default)
        extends: base/aclu-kansas-model.yaml
        ordinance: "unknown"                    # the ordinance's number, quoted
        citation: "{{Name}} Safe and Welcoming ordinance (number not yet known)"
        title: {{Name}} Safe and Welcoming ordinance (draft)
        jurisdiction:
          name: {{Name}}
          state: {{State}}
          time-zone: {{TimeZone}}
        assume-in-force: yes                    # a draft: judged as if in force at any time
        # adopted: 2026-01-15                   # once enacted: the day it was adopted and the day it took
        # effective: 2026-02-01                 # effect; then delete assume-in-force
        notes: >
          A draft that extends the ACLU of Kansas model rules; its parameters and overrides are
          placeholders until the council's text replaces them.

        # The standard vocabulary with this city's additions (vocabulary/{{Slug}}.yaml). Leave this out to
        # read scenarios in the model's vocabulary, the standard one as it is.
        vocabulary:
          uses: vocabulary/{{Slug}}.yaml

        # Values for the model's parameters; `ordinance readings` lists every one with its default.
        parameters:
          police: [{{Police}}]                  # the id your scenarios and records give your police department
          notice-within: 72h                    # Rule K3's public alert is due 72 hours after the police learn (model: 48h)
          # judicial-warrant-exception: no      # if your council adopted no judicial-warrant exception
          # resource-exceptions: [public-safety-threat, legally-compelled]   # the exceptions to Rule K2 it adopted

        # What your council changed in the model's provisions, keyed by their ids (AC-1 to AC-5, K1 to K5).
        overrides:
          K3: { section: "§ 4" }                # kept, cited at your section; also title, text, binds, source
          # K1: { remove: Our council did not adopt the 287(g) rule. }   # removed, with the reason
          # AC-5:
          #   replace:                          # the whole provision in your words and logic; keeps the id
          #     section: "§ 5"
          #     title: No inquiry into immigration status
          #     modality: prohibition
          #     ...                             # every key of a provision except id

        # Your own provisions, with ids the model does not use, written as in any ordinance:
        # provisions:
        #   - id: C1
        #     section: "§ 6"
        #     title: ...
        #     modality: obligation
        #     ...

        """;

    private string Vocabulary => $$"""
        # The vocabulary extension of {{Name}}: the fact types, fields and values its provisions need beyond
        # the standard vocabulary (immigration-cooperation). An extension only adds, so every scenario written
        # for the standard vocabulary reads the same under it. This stub adds one field to agency; rename it,
        # add your own, or delete the file and the ordinance's `vocabulary:` block. After a change, refresh the
        # editor's schema of the scenarios (it lists every type, field and value), from the folder that holds {{Slug}}/:
        #   ordinance vocabulary {{Slug}}/{{VocabularyPath}} --format json-schema > {{Slug}}/{{SchemaFolder}}/scenario.schema.json
        vocabulary: {{Slug}}
        extends: immigration-cooperation
        description: The standard vocabulary, with what the {{Name}} ordinance adds.
        types:
          agency:                               # a type of the standard vocabulary: only what it gains
            add-fields:
              localUnit: { type: text, description: "The unit of a city department, as the city's records name it." }
            # add-values:
            #   component: [county-jail]        # values added to an enumeration

        """;

    private string Agencies => $$"""
          - agency: {{Police}}
            level: city
            component: city-department
            enforcesImmigration: no
            isCityDepartment: yes
            localUnit: Patrol
          - agency: ICE-ERO
            level: federal
            component: ice-ero
            enforcesImmigration: yes
            isCityDepartment: no
        """;

    private string DetainerScenario => $$"""
        scenario: "{{Police}} holds a person past release on an ICE detainer"
        description: >
          ICE-ERO faxes a detainer with an administrative warrant, neither signed by a judge. The person
          posts bond at 16:00 and the police keep her 36 hours more so that ICE can collect her: Rules 1,
          2 and K2 are violated.
        as-of: 2026-06-10T12:00                 # a local time, read in {{TimeZone}}
        facts:
        {{Agencies}}
          - person: per-1
            citizenship: non-us
            inCustodyOf: {{Police}}
            releaseEligibleAt: 2026-06-01T16:00
          - document: i200-1
            type: administrative-warrant-i200
            issuerRole: immigration-officer
            issuingAgency: ICE-ERO
            issuedAt: 2026-06-01T08:30
            basis: civil-immigration
            legallyCompels: no
            subject: per-1
          - document: det-1
            type: detainer-i247a
            issuerRole: immigration-officer
            issuingAgency: ICE-ERO
            issuedAt: 2026-06-01T08:30
            basis: civil-immigration
            legallyCompels: no
            subject: per-1
            accompaniedBy: i200-1
          - request: req-1
            from: ICE-ERO
            to: {{Police}}
            receivedAt: 2026-06-01T09:00
            channel: fax
            kind: hold-custody
            document: det-1
            subject: per-1
            statedPurpose: civil-immigration
          - action: act-1
            agency: {{Police}}
            kind: continue-detention
            start: 2026-06-01T16:00
            end: 2026-06-03T04:00
            inResponseTo: req-1
            beneficiary: ICE-ERO
            subject: per-1
            resources: [personnel, facilities]
            purposes: [civil-immigration]
            voluntary: yes
            sharesStatusInformation: no
            sharesOtherInformation: no

        """;

    private string AlertScenario => $$"""
        scenario: "{{Police}} learns of a planned ICE arrest and alerts the public 60 hours later"
        description: >
          ICE-ERO tells the police on Monday at 08:00 of an arrest planned in the city for Friday; the police
          post a public alert on Wednesday at 20:00. Late under the model's 48 hours, on time under the 72
          hours this ordinance sets: Rule K3 is complied with.
        as-of: 2026-06-12T12:00
        facts:
        {{Agencies}}
          - operation: op-1
            agency: ICE-ERO
            kind: arrest
            insideCityLimits: yes
            plannedStart: 2026-06-12T06:00
            status: planned
          - awareness: k-1
            agency: {{Police}}
            operation: op-1
            receivedAt: 2026-06-08T08:00
            channel: phone
            informedBy: ICE-ERO
          - notice: n-1
            issuer: {{Police}}
            operation: op-1
            audience: public
            channel: city-website
            issuedAt: 2026-06-10T20:00

        """;

    private string Suite => $$"""
        # Outcome tests for the {{Name}} ordinance: `ordinance test {{Slug}}/tests` runs them, and
        # `--coverage` shows which outcomes of which provisions no case reaches yet.
        suite: {{Name}} ordinance, first cases
        ordinance: ../{{OrdinancePath}}
        cases:
          - scenario: ../{{DetainerScenarioPath}}
            expect:
              AC-1: violated
              AC-2: violated
              K2: violated
              K3: not-applicable
          - scenario: ../{{AlertScenarioPath}}
            expect:
              AC-2: not-applicable
              K3: complied                       # violated under the model's 48 hours: the parameter decides it

        """;

    /// <summary>
    /// Settings for VS Code: the YAML extension (redhat.vscode-yaml) validates and completes the city's files
    /// against the schemas that <c>init</c> wrote into <see cref="SchemaFolder"/>, each mapped to the globs of its files.
    /// </summary>
    private string EditorSettings => $$"""
        {
          "yaml.schemas": {
            "./{{SchemaFolder}}/ordinance.schema.json": ["{{OrdinancePath}}", "base/*.yaml"],
            "./{{SchemaFolder}}/vocabulary.schema.json": ["vocabulary/*.yaml"],
            "./{{SchemaFolder}}/scenario.schema.json": ["scenarios/**/*.yaml"],
            "./{{SchemaFolder}}/suite.schema.json": ["tests/**/*.suite.yaml"]
          }
        }

        """;
}
