using System.Net;

namespace OrdinanceRules.Server.Tests.Workbench;

/// <summary>The workbench's files over real HTTP: embedded, typed, under a policy that allows only the service's own origin.</summary>
public class WorkbenchEndpointsTests
{
    [Theory]
    [InlineData("/", "text/html", "<title>OrdinanceRules workbench</title>")]
    [InlineData("/workbench/workbench.js", "text/javascript", "/v1/check")]
    [InlineData("/workbench/scenario-text.js", "text/javascript", "setField")]
    [InlineData("/workbench/workbench.css", "text/css", ".status-violated")]
    public async Task Get_WorkbenchFile_ServesItUnderTheOriginOnlyPolicy(string path, string type, string content)
    {
        await using var server = await RunningServer.StartAsync(ordinances: "roeland-park-ks");

        using var response = await server.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(type);
        (await response.Content.ReadAsStringAsync()).Should().Contain(content);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'").And.Contain("connect-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
    }

    [Fact]
    public async Task Get_UnchangedFile_AnswersNotModified()
    {
        await using var server = await RunningServer.StartAsync(ordinances: "roeland-park-ks");
        using var first = await server.Client.GetAsync("/workbench/workbench.css");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/workbench/workbench.css");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await server.Client.SendAsync(again);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Get_UnknownWorkbenchFile_IsNotFound()
    {
        await using var server = await RunningServer.StartAsync(ordinances: "roeland-park-ks");

        using var response = await server.Client.GetAsync("/workbench/secrets.txt");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_Document_LeavesTheWorkbenchOut()
    {
        await using var server = await RunningServer.StartAsync(ordinances: "roeland-park-ks");

        var document = await server.Client.GetStringAsync("/openapi/v1.json");

        document.Should().Contain("/v1/check").And.NotContain("/workbench/").And.NotContain("\"/\":");
    }
}
