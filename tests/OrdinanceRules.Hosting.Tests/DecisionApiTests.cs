using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrdinanceRules.Json;

namespace OrdinanceRules.Hosting.Tests;

/// <summary>The sample minimal API (samples/DecisionApi), run in memory over its own copy of the ordinances.</summary>
public sealed class DecisionApiTests : IDisposable
{
    private const string RoelandPark = "roeland-park-ks";

    private readonly OrdinanceFolder _folder = new(RoelandPark, "lawrence-ks");
    private readonly WebApplicationFactory<Program> _factory;

    public DecisionApiTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Ordinances:Folder", _folder.Path)
            .UseSetting("Ordinances:ReloadDelay", "00:00:00.100"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _folder.Dispose();
    }

    private static StringContent Yaml(string scenario) =>
        new(File.ReadAllText(Repository.Scenario(scenario)), Encoding.UTF8, "application/yaml");

    [Fact]
    public async Task GetOrdinances_ListsEachFileWithItsContentHash()
    {
        using var client = _factory.CreateClient();

        var ordinances = await client.GetFromJsonAsync<JsonElement>("/ordinances");

        ordinances.EnumerateArray().Select(o => o.GetProperty("id").GetString()).Should().Equal("lawrence-ks", RoelandPark);
        ordinances[1].GetProperty("contentHash").GetString().Should().MatchRegex("^sha256:[0-9a-f]{64}$");
    }

    [Fact]
    public async Task PostCheck_Scenario_ReturnsTheContractsReport()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync($"/ordinances/{RoelandPark}/check", Yaml("p2-detainer-hold-violated"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var report = OrdinanceJson.Read<ReportsDocument>(await response.Content.ReadAsStringAsync()).Reports.Should().ContainSingle().Subject;
        report.HasViolations.Should().BeTrue();
        report.Findings.Should().Contain(f => f.Provision == "P2" && f.Status == "violated");
        report.Decision.InputDigest.Should().NotBeNull();
    }

    [Fact]
    public async Task PostCheck_BadScenario_IsAProblemWithLocatedErrors()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync($"/ordinances/{RoelandPark}/check", new StringContent("scenario: x\nfacts:\n  - agency: RPPD\n    colour: blue\n", Encoding.UTF8, "application/yaml"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("scenario")[0].GetString().Should().Be("scenario.yaml:4:5: error OR3001: fact type 'agency' has no field 'colour'");
    }

    [Fact]
    public async Task PostCheck_UnknownOrdinance_IsNotFound()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/ordinances/springfield/check", Yaml("p2-detainer-hold-violated"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadEdit_KeepsServingTheLastGoodVersionAndHealthIsDegradedUntilFixed()
    {
        using var client = _factory.CreateClient();
        (await client.GetStringAsync("/healthz")).Should().Be("Healthy");

        _folder.Break(RoelandPark);
        await Eventually.Until(() => client.GetAsync("/healthz").Result.Content.ReadAsStringAsync().Result, h => h == "Degraded", "the bad edit to degrade health");

        var ordinances = await client.GetFromJsonAsync<JsonElement>("/ordinances");
        ordinances.EnumerateArray().Single(o => o.GetProperty("id").GetString() == RoelandPark).GetProperty("isStale").GetBoolean().Should().BeTrue();
        using (var response = await client.PostAsync($"/ordinances/{RoelandPark}/check", Yaml("p2-detainer-hold-violated")))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK, "the last good version still decides");
        }

        _folder.Restore(RoelandPark);
        await Eventually.Until(() => client.GetAsync("/healthz").Result.Content.ReadAsStringAsync().Result, h => h == "Healthy", "the fix to restore health");
    }
}
