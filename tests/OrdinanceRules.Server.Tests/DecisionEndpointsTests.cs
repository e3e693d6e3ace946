using System.Net;
using System.Text.Json.Nodes;
using OrdinanceRules.Json;

namespace OrdinanceRules.Server.Tests;

/// <summary>Every endpoint of the decision service over real HTTP: Kestrel on a loopback port, an HttpClient.</summary>
public class DecisionEndpointsTests
{
    private const string RoelandPark = "roeland-park-ks";

    private static string DetainerHold => Repository.Scenario("p2-detainer-hold-violated");

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Ordinances_Get_ListsIdsCitationsTitlesHashesAndReadings()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Client.GetAsync("/v1/ordinances");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var ordinances = (await Json(response))["ordinances"]!.AsArray();
        ordinances.Select(o => (string)o!["id"]!).Should().Equal("lawrence-ks", RoelandPark);
        var roelandPark = ordinances[1]!;
        ((string)roelandPark["citation"]!).Should().Contain("Roeland Park");
        ((string)roelandPark["title"]!).Should().NotBeEmpty();
        ((string)roelandPark["contentHash"]!).Should().StartWith("sha256:");
        roelandPark["readings"]!.AsArray().Select(r => (string)r!["name"]!).Should().Contain("p3-anchor");
    }

    [Fact]
    public async Task Check_YamlBody_ReturnsTheReportDocumentAndADecisionId()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostAsync($"/v1/check?ordinance={RoelandPark}", DetainerHold);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.GetValues("Decision-Id").Single().Should().MatchRegex("^[0-9a-f-]{36}$");
        var document = OrdinanceJson.Read<ReportsDocument>(await response.Content.ReadAsStringAsync());
        var report = document.Reports.Should().ContainSingle().Subject;
        report.HasViolations.Should().BeTrue();
        report.Findings.Should().Contain(f => f.Provision == "P2" && f.Status == "violated");
        report.Decision.ContentHash.Should().StartWith("sha256:");
        report.Decision.InputDigest.Should().StartWith("sha256:");
    }

    [Fact]
    public async Task Check_JsonBody_DecidesAsTheSameScenarioInYaml()
    {
        await using var server = await RunningServer.StartAsync();
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "p2-detainer-hold-violated.json"));

        var fromJson = await server.PostAsync($"/v1/check?ordinance={RoelandPark}", json, "application/json");
        var fromYaml = await server.PostAsync($"/v1/check?ordinance={RoelandPark}", DetainerHold);

        fromJson.StatusCode.Should().Be(HttpStatusCode.OK, await fromJson.Content.ReadAsStringAsync());
        var a = OrdinanceJson.Read<ReportsDocument>(await fromJson.Content.ReadAsStringAsync()).Reports[0];
        var b = OrdinanceJson.Read<ReportsDocument>(await fromYaml.Content.ReadAsStringAsync()).Reports[0];
        a.Findings.Select(f => (f.Provision, f.Status)).Should().Equal(b.Findings.Select(f => (f.Provision, f.Status)));
    }

    [Fact]
    public async Task Check_JsonUnknownValue_IsAnUnknownAsInYaml()
    {
        await using var server = await RunningServer.StartAsync();
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "p2-detainer-hold-violated.json"))
            .Replace("\"voluntary\": true", "\"voluntary\": \"unknown\"", StringComparison.Ordinal);

        var response = await server.PostAsync($"/v1/check?ordinance={RoelandPark}", json, "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        OrdinanceJson.Read<ReportsDocument>(await response.Content.ReadAsStringAsync()).Reports[0].Findings
            .Should().Contain(f => f.Unknowns.Any(u => u.EndsWith(": voluntary", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Check_InvalidScenario_IsProblemDetailsWithTheLineAndColumnAndNoFilePath()
    {
        await using var server = await RunningServer.StartAsync();
        var lines = DetainerHold.ReplaceLineEndings("\n").Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("role: supervisor", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("supervisor", "supervisr", StringComparison.Ordinal);

        var response = await server.PostAsync($"/v1/check?ordinance={RoelandPark}", string.Join('\n', lines));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await Json(response);
        ((int)problem["status"]!).Should().Be(400);
        ((string)problem["title"]!).Should().NotBeEmpty();
        ((string)problem["type"]!).Should().StartWith("https://");
        var error = problem["errors"]!.AsArray().Should().ContainSingle().Subject!;
        ((int)error["line"]!).Should().Be(index + 1);
        ((int)error["column"]!).Should().Be(lines[index].IndexOf("supervisr", StringComparison.Ordinal) + 1);
        ((string)error["text"]!).Should().StartWith($"{index + 1}:{(int)error["column"]!}: error OR").And.Contain("supervisor");
        problem.ToJsonString().Should().NotContain(server.Folder.Path).And.NotContain("request body:");
    }

    [Fact]
    public async Task Check_MalformedJson_IsLocated()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostAsync($"/v1/check?ordinance={RoelandPark}", "{\n  \"scenario\": \"S\",\n  \"facts\": [,]\n}", "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await Json(response))["errors"]![0]!;
        ((string)error["code"]!).Should().Be(ServerDiagnosticCodes.InvalidJson);
        ((int)error["line"]!).Should().Be(3);
    }

    [Fact]
    public async Task Check_UnknownOrdinance_Is404NamingTheOrdinancesServed()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostAsync("/v1/check?ordinance=topeka-ks", DetainerHold);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        ((string)(await Json(response))["detail"]!).Should().Contain("topeka-ks").And.Contain(RoelandPark);
    }

    [Fact]
    public async Task Check_BodyOverTheLimit_Is413()
    {
        await using var server = await RunningServer.StartAsync(o => o.MaxRequestBodySize = 1000);

        var response = await server.PostAsync($"/v1/check?ordinance={RoelandPark}", DetainerHold + new string('#', 2000));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        ((string)(await Json(response))["errors"]![0]!["code"]!).Should().Be(ServerDiagnosticCodes.TooLarge);
    }

    [Fact]
    public async Task Check_OtherContentType_Is415()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostAsync($"/v1/check?ordinance={RoelandPark}", DetainerHold, "application/xml");

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Check_AsOfAndReading_AreUsedAndABadReadingIsAProblem()
    {
        await using var server = await RunningServer.StartAsync();

        var good = await server.PostAsync($"/v1/check?ordinance={RoelandPark}&asOf=2021-07-01T12:00:00-05:00&reading=p3-anchor=actual-reading", DetainerHold);
        var bad = await server.PostAsync($"/v1/check?ordinance={RoelandPark}&reading=p3-anchor=sometimes", DetainerHold);

        good.StatusCode.Should().Be(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        var report = OrdinanceJson.Read<ReportsDocument>(await good.Content.ReadAsStringAsync()).Reports[0];
        report.AsOf.Should().Be(new DateTimeOffset(2021, 7, 1, 12, 0, 0, TimeSpan.FromHours(-5)));
        report.Readings.Single(r => r.Name == "p3-anchor").Alternative.Should().Be("actual-reading");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((string)(await Json(bad))["errors"]![0]!["code"]!).Should().Be(ServerDiagnosticCodes.InvalidReading);
    }

    [Fact]
    public async Task Explain_Provision_ReturnsItsReasoningTree()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostAsync($"/v1/explain?ordinance={RoelandPark}&provision=P2", DetainerHold);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var document = OrdinanceJson.Read<ExplanationsDocument>(await response.Content.ReadAsStringAsync());
        document.Explanations.Should().NotBeEmpty().And.OnlyContain(e => e.Finding.Provision == "P2");
        document.Explanations[0].Tree.Children.Should().NotBeEmpty();
    }

    [Fact]
    public async Task WhatIf_WithAndWithoutSet_ReturnsChangesOrUnknowns()
    {
        await using var server = await RunningServer.StartAsync();
        var unknownThreat = Repository.Scenario("p2-threat-specificity-unknown-undetermined");

        var tried = await server.PostAsync($"/v1/what-if?ordinance={RoelandPark}", unknownThreat);
        var set = await server.PostAsync($"/v1/what-if?ordinance={RoelandPark}&set=t-1.specificity=specific", unknownThreat);

        tried.StatusCode.Should().Be(HttpStatusCode.OK, await tried.Content.ReadAsStringAsync());
        OrdinanceJson.Read<WhatIfDocument>(await tried.Content.ReadAsStringAsync()).Unknowns!.Value.Should().Contain(u => u.Unknown == "threat t-1: specificity");
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        var changes = OrdinanceJson.Read<WhatIfDocument>(await set.Content.ReadAsStringAsync()).Changes!.Value;
        changes.Should().Contain(c => c.Provision == "P2" && c.Before!.Status == "undetermined" && c.After!.Status == "exception-applies");
    }

    [Fact]
    public async Task WhatIf_SetOnAFieldTheFactLacks_IsAProblem()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostAsync($"/v1/what-if?ordinance={RoelandPark}&set=t-1.colour=red", Repository.Scenario("p2-threat-specificity-unknown-undetermined"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((string)(await Json(response))["errors"]![0]!["code"]!).Should().Be(ServerDiagnosticCodes.InvalidChange);
    }

    [Fact]
    public async Task Interview_AsksThenAnswerSettles()
    {
        await using var server = await RunningServer.StartAsync();
        var unknownThreat = Repository.Scenario("p2-threat-specificity-unknown-undetermined");

        var first = await server.PostAsync($"/v1/interview?ordinance={RoelandPark}", unknownThreat);
        var answered = await server.PostAsync($"/v1/interview?ordinance={RoelandPark}&answer=t-1.specificity=specific", unknownThreat);

        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var open = OrdinanceJson.Read<InterviewDocument>(await first.Content.ReadAsStringAsync());
        open.Status.Should().Be("open");
        open.Questions[0].Unknown.Should().Be("threat t-1: specificity");
        open.Questions.Should().NotContain(q => q.Field == "imminent", "no outcome depends on it");
        var next = OrdinanceJson.Read<InterviewDocument>(await answered.Content.ReadAsStringAsync());
        next.Answers.Should().ContainSingle().Which.Value.Should().Be("specific");
        next.Findings.Single(f => f.Provision == "P2").Status.Should().Be("exception-applies");
    }

    [Fact]
    public async Task Health_LivenessAndReadiness_AnswerWhenEveryFileLoaded()
    {
        await using var server = await RunningServer.StartAsync();

        var live = await server.Client.GetAsync("/healthz");
        var ready = await server.Client.GetAsync("/readyz");

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        var readiness = await Json(ready);
        ((string)readiness["status"]!).Should().Be("ready");
        readiness["problems"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Reload_BadEdit_ShowsInReadyzAndTheLastGoodVersionStillAnswers()
    {
        await using var server = await RunningServer.StartAsync();
        var before = OrdinanceJson.Read<ReportsDocument>(await (await server.PostAsync($"/v1/check?ordinance={RoelandPark}", DetainerHold)).Content.ReadAsStringAsync()).Reports[0];

        var (line, column) = server.Folder.Break(RoelandPark);
        var readiness = await Eventually.Until(async () => await Json(await server.Client.GetAsync("/readyz")), r => (string)r["status"]! == "degraded", "the bad edit to show in /readyz");

        readiness["stale"]!.AsArray().Select(s => (string)s!).Should().Equal(RoelandPark);
        var problems = readiness["problems"]!.AsArray();
        problems.Should().OnlyContain(p => (string)p!["file"]! == RoelandPark + ".yaml");
        problems.Should().Contain(p => (int)p!["line"]! == line && (int)p["column"]! == column && ((string)p["text"]!).StartsWith($"{line}:{column}: error ", StringComparison.Ordinal));
        readiness.ToJsonString().Should().NotContain(server.Folder.Path);
        var after = await server.PostAsync($"/v1/check?ordinance={RoelandPark}", DetainerHold);
        after.StatusCode.Should().Be(HttpStatusCode.OK);
        OrdinanceJson.Read<ReportsDocument>(await after.Content.ReadAsStringAsync()).Reports[0].Decision.ContentHash.Should().Be(before.Decision.ContentHash);
        var listed = (await Json(await server.Client.GetAsync("/v1/ordinances")))["ordinances"]!.AsArray().Single(o => (string)o!["id"]! == RoelandPark)!;
        ((bool)listed["stale"]!).Should().BeTrue();
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryEndpoint()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Client.GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await Json(response);
        ((string)document["openapi"]!).Should().StartWith("3.");
        document["paths"]!.AsObject().Select(p => p.Key).Should().Contain(["/v1/check", "/v1/explain", "/v1/what-if", "/v1/interview", "/v1/ordinances", "/healthz", "/readyz"]);
        var check = document["paths"]!["/v1/check"]!["post"]!;
        check["parameters"]!.AsArray().Select(p => (string)p!["name"]!).Should().Contain(["ordinance", "asOf", "reading"]);
        check["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Should().Contain(["application/yaml", "application/json"]);
    }

    [Fact]
    public async Task Timeout_SlowerThanTheLimit_Is503()
    {
        await using var server = await RunningServer.StartWithClockAsync(new ElapsedClock(), o => o.RequestTimeout = TimeSpan.FromSeconds(1));

        var response = await server.PostAsync($"/v1/what-if?ordinance={RoelandPark}", Repository.Scenario("p2-threat-specificity-unknown-undetermined"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ((string)(await Json(response))["errors"]![0]!["code"]!).Should().Be(ServerDiagnosticCodes.Timeout);
    }
}
