namespace OrdinanceRules.Cli.Init;

/// <summary>
/// The files <c>ordinance init</c> writes for a new city: a standalone ordinance file with one provision and
/// its exception (the vocabulary extension stub inside it), two scenarios, a test suite that expects their
/// findings, and editor settings. Every file validates and the suite passes as written.
/// </summary>
internal sealed record CityTemplate(string Slug, string Name, string State, string TimeZone)
{
    /// <summary>The ordinance file's path in the city's folder.</summary>
    public string OrdinancePath => $"{Slug}.yaml";

    /// <summary>The suite's path in the city's folder.</summary>
    public string SuitePath => $"tests/{Slug}.suite.yaml";

    /// <summary>The editor settings' path in the city's folder.</summary>
    public const string EditorSettingsPath = ".vscode/settings.json";

    /// <summary>Each file to write: its path relative to the city's folder (with <c>/</c>) and its text.</summary>
    public IReadOnlyList<(string Path, string Text)> Files =>
    [
        (OrdinancePath, Ordinance),
        ("scenarios/detainer-hold-violated.yaml", ViolatedScenario),
        ("scenarios/specific-threat-exception-applies.yaml", ExceptionScenario),
        (SuitePath, Suite),
        (EditorSettingsPath, EditorSettings),
    ];

    private string Ordinance => $$"""
        # {{Name}}, {{State}}: a first ordinance file, written by `ordinance init`. Replace the provision
        # below with your ordinance's own, one provision per duty or prohibition, each with its section;
        # docs/adapting.md in the OrdinanceRules repository walks through it. After each change, from the folder
        # that holds {{Slug}}/:
        #   ordinance validate {{Slug}}
        #   ordinance test {{Slug}}/tests
        ordinance: "unknown"                    # the ordinance's number, quoted
        citation: "{{Name}} ordinance (number not yet known)"
        title: {{Name}} ordinance on cooperation with federal immigration enforcement (draft)
        jurisdiction:
          name: {{Name}}
          state: {{State}}
          time-zone: {{TimeZone}}
        # adopted: 2026-01-15                   # the day it is adopted; effective: the day it takes effect
        notes: >
          A draft written from the ordinance template; its provision is a placeholder until the
          ordinance's text replaces it.

        vocabulary:
          uses: immigration-cooperation         # the standard vocabulary bundled with OrdinanceRules
          # The vocabulary extension: fact types, and fields of existing types, that this city's provisions
          # need beyond the standard vocabulary. This stub adds one field to agency; rename it, add your
          # own, or delete the block.
          types:
            agency:
              fields:
                localUnit: text

        provisions:
          - id: P1
            section: "§ 1"
            title: No police support to ICE for civil immigration enforcement
            text: >
              [Placeholder.] The police department shall not detain, transport or otherwise support ICE
              for the purpose of enforcing civil immigration law.
            modality: prohibition               # prohibition | obligation | permission | non-obligation
            binds: {{Name}} Police Department
            for: { a: action }                  # evaluated for each action in a scenario
            applies-when: a.agency.id == 'PD' and not any(a.purposes, ['criminal-other', 'call-for-service'])
            violated-when: a.beneficiary.component in ['ice', 'ice-ero', 'ice-hsi']
            exceptions:
              - id: E1
                section: "§ 1"
                title: Specific threat to public safety
                for: { t: threat }              # joined to the action in the Rete network
                when: t.specificity == 'specific' and within(a.start, t.startedAt, t.endedAt) and t.action == a

        """;

    private const string Agencies = """
          - agency: PD
            level: city
            component: city-department
            isCityDepartment: yes
          - agency: ICE-ERO
            level: federal
            component: ice-ero
            enforcesImmigration: yes
        """;

    private string ViolatedScenario => $$"""
        scenario: "PD holds a person past release on an ICE detainer"
        description: >
          The police department keeps a person in custody for ICE after she could be released, for civil
          immigration enforcement only: P1 is violated.
        as-of: 2026-06-10T12:00                 # a local time, read in {{TimeZone}}
        facts:
        {{Agencies}}
          - action: act-1
            agency: PD
            kind: continue-detention
            start: 2026-06-01T16:00
            beneficiary: ICE-ERO
            purposes: [civil-immigration]

        """;

    private static string ExceptionScenario => $$"""
        scenario: "PD backs up an ICE arrest while an armed man threatens the agents"
        description: >
          The same kind of support, given during a specific threat to public safety: exception E1 applies.
        as-of: 2026-07-08T12:00
        facts:
        {{Agencies}}
          - action: act-1
            agency: PD
            kind: on-site-backup
            start: 2026-07-08T06:10
            beneficiary: ICE-ERO
            purposes: [civil-immigration]
          - threat: t-1
            specificity: specific
            startedAt: 2026-07-08T06:00
            endedAt: 2026-07-08T06:45
            action: act-1

        """;

    private string Suite => $$"""
        # Outcome tests for the {{Name}} ordinance: `ordinance test {{Slug}}/tests` runs them, and
        # `--coverage` shows which outcomes of which provisions no case reaches yet.
        suite: {{Name}} ordinance, first cases
        ordinance: ../{{Slug}}.yaml
        cases:
          - scenario: ../scenarios/detainer-hold-violated.yaml
            expect:
              P1: violated
          - scenario: ../scenarios/specific-threat-exception-applies.yaml
            expect:
              P1: { status: exception-applies, exception: E1 }

        """;

    /// <summary>
    /// Settings for VS Code, which reads comments in them. The JSON Schemas of the file formats are named
    /// here (under <c>yaml.schemas</c>) for the YAML extension to validate and complete the files.
    /// </summary>
    private static string EditorSettings => """
        // VS Code settings for this city's files: the YAML extension (redhat.vscode-yaml) validates and
        // completes the files against the schemas named under "yaml.schemas".
        {
          "yaml.schemas": {}
        }

        """;
}
