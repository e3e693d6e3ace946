using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrdinanceRules.Server.Tests.Workbench;

/// <summary>
/// The drafter's workbench end to end: the real service on a loopback port, the page in a real Chromium 800 pixels
/// wide, driven as a drafter would (labels, buttons, the keyboard). Each step's screenshot is saved under
/// artifacts/screenshots/workbench/. Every test also checks that no request left the service's origin, that the
/// page logged no error (a blocked request would be one) and that nothing is wider than the window.
/// </summary>
public partial class WorkbenchTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string InvalidScenario = "scenario: Bad\nas-of: 2021-06-10T12:00:00-05:00\nfacts:\n  - agency: RPPD\n    level: town\n";

    [Fact]
    public async Task Workbench_CheckExplainAndSwitchReading_ShowsFindingsTheirReasonsAndWhatChanged()
    {
        await using var server = await RunningServer.StartAsync();
        await using var workbench = await WorkbenchPage.OpenAsync(browser, server);
        var page = workbench.Page;

        // Load: the ordinances served, and the chosen one's readings.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "OrdinanceRules workbench" })).ToBeVisibleAsync();
        await Expect(page.Locator("#ordinance option")).ToHaveCountAsync(2);
        await page.GetByLabel("Ordinance", new() { Exact = true }).SelectOptionAsync("roeland-park-ks");
        await Expect(page.Locator("#readings-list select")).ToHaveCountAsync(7);
        await Expect(page.GetByLabel(ReadingLabel())).ToHaveValueAsync("specific-only");
        await workbench.ScreenshotAsync("01-load");

        // Check: findings grouped by provision, each with a status in words and its reason.
        await page.GetByLabel("Scenario (YAML, or the same document in JSON)").FillAsync(Repository.Scenario("reading-e2a-specificity-gang-label"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("8 findings");
        var p2 = Finding(page, "P2 act-1");
        await Expect(p2.Locator("summary .badge")).ToHaveTextAsync("Violated");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "P2 No police support to ICE for immigration enforcement Roeland Park Ordinance 1005, § 3" })).ToBeVisibleAsync();
        await Expect(p2.Locator("summary .reason")).ToContainTextAsync("act-1");
        await workbench.ScreenshotAsync("02-check");

        // Explain, from the keyboard: the finding opens on its citation, provision text and explanation tree.
        await p2.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(p2.Locator("dd").Filter(new() { HasText = "Roeland Park Ordinance 1005, § 3 (prohibition)" })).ToBeVisibleAsync();
        await Expect(p2.Locator("blockquote.text")).ToContainTextAsync("Paraphrase");
        await Expect(p2.Locator(".explanation ul.tree")).ToContainTextAsync("decided by rule P2/violated");
        await Expect(p2.Locator(".explanation .node-failed").First).ToHaveTextAsync("does not hold");
        await workbench.ScreenshotAsync("03-explain");

        // Switch a reading: the scenario is checked again and the page says what changed.
        await page.GetByLabel(ReadingLabel()).SelectOptionAsync("any-threat");
        await Expect(page.Locator("#changes")).ToContainTextAsync("After switching e2a-specificity to any-threat, 1 finding changed:");
        await Expect(p2.Locator("summary .badge")).ToHaveTextAsync("Exception applies");
        await Expect(p2.Locator("summary .was")).ToHaveTextAsync("(was Violated)");
        await workbench.ScreenshotAsync("04-reading-switched");

        // Download the report (the service's own JSON, under the reading chosen) and the scenario.
        var report = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the report (JSON)" }).ClickAsync());
        report.SuggestedFilename.Should().Be("report.json");
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync((await report.PathAsync())!)))
        {
            var findings = json.RootElement.GetProperty("reports")[0].GetProperty("findings").EnumerateArray();
            findings.Single(f => f.GetProperty("provision").GetString() == "P2").GetProperty("status").GetString().Should().Be("exception-applies");
        }

        var scenario = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the scenario (YAML)" }).ClickAsync());
        scenario.SuggestedFilename.Should().Be("scenario.yaml");
        (await File.ReadAllTextAsync((await scenario.PathAsync())!)).Should().Be(Repository.Scenario("reading-e2a-specificity-gang-label"));

        await ExpectSelfContainedAsync(workbench);
    }

    [Fact]
    public async Task Workbench_AnswerQuestion_WritesItIntoTheScenarioAndChecksAgain()
    {
        await using var server = await RunningServer.StartAsync();
        await using var workbench = await WorkbenchPage.OpenAsync(browser, server);
        var page = workbench.Page;
        await page.GetByLabel("Ordinance", new() { Exact = true }).SelectOptionAsync("roeland-park-ks");
        var editor = page.GetByLabel("Scenario (YAML, or the same document in JSON)");
        await editor.FillAsync(Repository.Scenario("p2-threat-specificity-unknown-undetermined"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        var p2 = Finding(page, "P2 act-1");
        await Expect(p2.Locator("summary .badge")).ToHaveTextAsync("Undetermined");

        // One question, and not t-1.imminent, which no outcome depends on.
        var questions = page.Locator("#questions > li");
        await Expect(questions).ToHaveCountAsync(1);
        await Expect(questions.First).ToContainTextAsync("threat t-1, specificity");
        await Expect(questions.First).ToContainTextAsync("Could settle 1 of 1: P2 (act-1)");
        await workbench.ScreenshotAsync("05-interview");

        // Not known: the question is set aside, and nothing else can settle P2.
        var answer = page.GetByLabel("Answer for threat t-1: specificity");
        await answer.SelectOptionAsync("unknown");
        await page.GetByRole(AriaRole.Button, new() { Name = "Answer" }).ClickAsync();
        await Expect(page.Locator("#interview-status")).ToContainTextAsync("nothing left to ask can change them");
        await Expect(questions).ToHaveCountAsync(0);

        // Checked again, the question is back; answered, it is written into the scenario, which is checked again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Expect(questions).ToHaveCountAsync(1);
        await answer.SelectOptionAsync("general");
        await page.GetByRole(AriaRole.Button, new() { Name = "Answer" }).ClickAsync();
        await Expect(p2.Locator("summary .badge")).ToHaveTextAsync("Violated");
        await Expect(page.Locator("#changes")).ToContainTextAsync("After answering t-1.specificity=general, 1 finding changed:");
        await Expect(page.Locator("#interview-status")).ToHaveTextAsync("Every finding is determined: nothing is left to ask.");
        (await editor.InputValueAsync()).Should().Contain("\n    specificity: general\n").And.NotContain("specificity: unknown");
        await workbench.ScreenshotAsync("06-answered");

        await ExpectSelfContainedAsync(workbench);
    }

    [Fact]
    public async Task Workbench_InvalidScenario_ShowsLocatedErrorAndPutsTheCursorThere()
    {
        await using var server = await RunningServer.StartAsync();
        await using var workbench = await WorkbenchPage.OpenAsync(browser, server);
        var page = workbench.Page;
        await page.GetByLabel("Ordinance", new() { Exact = true }).SelectOptionAsync("roeland-park-ks");
        var editor = page.GetByLabel("Scenario (YAML, or the same document in JSON)");
        await editor.FillAsync(InvalidScenario);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("The scenario has problems");
        await Expect(alert).ToContainTextAsync("OR3001 'RPPD.level' is 'town', which is not one of: federal, state, county, city");
        await Expect(editor).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#findings details")).ToHaveCountAsync(0);
        await Expect(page.Locator("#interview-status")).ToHaveTextAsync("No questions until the scenario checks: mend its problems and check again.");
        await Expect(page.Locator("#questions li")).ToHaveCountAsync(0);

        await alert.GetByRole(AriaRole.Button, new() { Name = "Line 5, column 12" }).ClickAsync();
        await Expect(editor).ToBeFocusedAsync();
        (await editor.EvaluateAsync<int>("e => e.selectionStart")).Should().Be(InvalidScenario.IndexOf("town", StringComparison.Ordinal));
        await Expect(page.Locator("#scenario-position")).ToHaveTextAsync("Line 5, column 12");
        await workbench.ScreenshotAsync("07-located-error");

        // Mended, it checks, and the problems go.
        await editor.FillAsync(InvalidScenario.Replace("town", "city", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("8 findings");
        await Expect(alert).ToBeHiddenAsync();

        await ExpectSelfContainedAsync(workbench, badRequests: 1);
    }

    [Fact]
    public async Task Workbench_SensitiveField_NeverShowsItsValue()
    {
        const string secret = "Zelda Quartermaine";
        await using var server = await RunningServer.StartAsync();
        await using var workbench = await WorkbenchPage.OpenAsync(browser, server);
        var page = workbench.Page;
        await page.GetByLabel("Ordinance", new() { Exact = true }).SelectOptionAsync("roeland-park-ks");
        var scenario = Repository.Scenario("p6-booking-status-asked-violated").Replace("\"Person M\"", $"\"{secret}\"", StringComparison.Ordinal);
        scenario.Should().Contain(secret);
        await page.GetByLabel("Scenario (YAML, or the same document in JSON)").FillAsync(scenario);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Expect(Finding(page, "P6 q-1").Locator("summary .badge")).ToHaveTextAsync("Violated");

        // Every finding opened, with its explanation.
        var findings = page.Locator("#findings details.finding");
        for (var i = 0; i < await findings.CountAsync(); i++)
        {
            await findings.Nth(i).Locator("summary").ClickAsync();
            await Expect(findings.Nth(i).Locator(".explanation ul.tree")).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#findings")).ToContainTextAsync("P6 (i=q-1)");
        (await page.Locator("main section").Nth(1).InnerTextAsync()).Should().NotContain(secret);
        (await page.Locator("main section").Nth(2).InnerTextAsync()).Should().NotContain(secret);
        var report = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the report (JSON)" }).ClickAsync());
        (await File.ReadAllTextAsync((await report.PathAsync())!)).Should().NotContain(secret);

        await ExpectSelfContainedAsync(workbench);
    }

    private static ILocator Finding(IPage page, string key) => page.Locator($"details.finding[data-key='{key}']");

    // badRequests: how many of the service's answers were meant to be 400, which the browser logs as an error.
    private static async Task ExpectSelfContainedAsync(WorkbenchPage workbench, int badRequests = 0)
    {
        const string badRequest = "Failed to load resource: the server responded with a status of 400 (Bad Request)";
        workbench.Requests.Should().NotBeEmpty();
        workbench.ForeignRequests().Should().BeEmpty("the workbench requests nothing but the service itself");
        workbench.Errors.Count(e => e == badRequest).Should().Be(badRequests);
        workbench.Errors.Where(e => e != badRequest).Should().BeEmpty("the page logs no error, and a request its policy blocks would be one");
        (await workbench.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(800, "the page is usable 800 pixels wide");
    }

    [GeneratedRegex("^e2a-specificity: ")]
    private static partial Regex ReadingLabel();
}
