using OrdinanceRules;
using OrdinanceRules.Facts;
using OrdinanceRules.Vocabularies;
using OrdinanceRules.Yaml;

// 1. Load and compile the ordinance once; the compiled ordinance is immutable and can be reused from any thread.
var path = args.Length > 0 ? args[0] : Path.Combine(FindRepository(), "samples", "ordinances", "roeland-park-ks.yaml");
var loaded = OrdinanceYaml.LoadOrdinance(path);
if (!loaded.Succeeded)
{
    loaded.Diagnostics.ToList().ForEach(Console.Error.WriteLine);
    return 2;
}

var ordinance = OrdinanceCompiler.Compile(loaded.Value!);

// 2. Build a scenario in code: an RPPD officer holds a person past release on an ICE detainer.
var scenario = new ScenarioBuilder(ordinance.Ordinance.Vocabulary, ordinance.Ordinance.Jurisdiction.TimeZone)
    .Named("RPPD holds a person on an ICE detainer")
    .Agency("RPPD", level: "city", component: "city-department", isCityDepartment: true)
    .Agency("ICE-ERO", level: "federal", component: "ice-ero", enforcesImmigration: true)
    .Official("ofc-1", agency: "RPPD", role: "sworn-officer", onDuty: true)
    .Person("per-1", citizenship: "non-us", inCustodyOf: "RPPD", releaseEligibleAt: At("2021-06-01T16:00-05:00"))
    .Document("det-1", type: "detainer-i247a", issuerRole: "immigration-officer", basis: "civil-immigration", legallyCompels: false)
    .Request("req-1", from: "ICE-ERO", to: "RPPD", kind: "hold-custody", document: "det-1", subject: "per-1", receivedAt: At("2021-06-01T09:00-05:00"))
    .Action("act-1", by: "ofc-1", agency: "RPPD", kind: "continue-detention", inResponseTo: "req-1", beneficiary: "ICE-ERO", subject: "per-1",
        start: At("2021-06-01T16:00-05:00"), end: At("2021-06-03T04:00-05:00"), purposes: ["civil-immigration"], voluntary: true)
    .Build();

// 3. Evaluate as of an instant; there is no ambient clock, so the caller names it.
var report = ordinance.Evaluate(scenario, asOf: At("2021-06-10T12:00-05:00"));

// 4. Print each finding's status, citation and reason.
foreach (var finding in report.Findings)
{
    Console.WriteLine($"{finding.Status,-16} {finding.Citation} ({finding.ProvisionId}): {finding.Reason}");
}

// 5. Exit 1 if the scenario breaches any provision.
return report.HasViolations ? 1 : 0;

static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "OrdinanceRules.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("OrdinanceRules.sln was not found above " + AppContext.BaseDirectory + "; pass the ordinance's path.");
}
