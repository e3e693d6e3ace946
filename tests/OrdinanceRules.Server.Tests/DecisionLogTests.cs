using System.Net;
using System.Text.Json.Nodes;

namespace OrdinanceRules.Server.Tests;

/// <summary>The decision log: one JSON line per decision, naming facts by id and never showing a sensitive value.</summary>
public partial class DecisionLogTests
{
    [Fact]
    public async Task DecisionLog_EachDecision_IsOneRedactedJsonLine()
    {
        var log = Path.Combine(Path.GetTempPath(), $"decisions-{Guid.NewGuid():N}.ndjson");
        try
        {
            HttpResponseMessage check;
            await using (var server = await RunningServer.StartAsync(o => o.DecisionLog = log))
            {
                var scenario = Repository.Scenario("p2-detainer-hold-violated");
                check = await server.PostAsync("/v1/check?ordinance=roeland-park-ks", scenario);
                var whatIf = await server.PostAsync("/v1/what-if?ordinance=roeland-park-ks&set=per-1.immigrationStatus=daca", scenario);
                check.StatusCode.Should().Be(HttpStatusCode.OK);
                whatIf.StatusCode.Should().Be(HttpStatusCode.OK, await whatIf.Content.ReadAsStringAsync());
            }

            // The lines are written in the background; stopping the service writes every pending one.
            var lines = File.ReadAllLines(log);
            lines.Should().HaveCount(2);
            var first = JsonNode.Parse(lines[0])!;
            ((string)first["decisionId"]!).Should().Be(check.Headers.GetValues("Decision-Id").Single());
            ((string)first["endpoint"]!).Should().Be("check");
            ((string)first["ordinanceId"]!).Should().Be("roeland-park-ks");
            ((string)first["contentHash"]!).Should().StartWith("sha256:");
            ((string)first["inputDigest"]!).Should().StartWith("sha256:");
            first["asOf"].Should().NotBeNull();
            first["readings"]!.AsArray().Should().NotBeEmpty();
            first["outcomes"]!.AsArray().Should().Contain(o => (string)o!["provision"]! == "P2" && (string)o["status"]! == "violated");
            var second = JsonNode.Parse(lines[1])!;
            second["changes"]!.AsArray().Select(c => (string)c!).Should().Equal("per-1.immigrationStatus=[sensitive]");

            // Every text of both lines but the ids and digests, which are hexadecimal and may hold "daca" by chance.
            var texts = lines.SelectMany(l => Texts(JsonNode.Parse(l)!))
                .Where(t => !HexIdentifier().IsMatch(t))
                .ToList();
            texts.Should().NotBeEmpty().And.NotContain(t => t.Contains("daca", StringComparison.Ordinal) || t.Contains("no-status", StringComparison.Ordinal) || t.Contains("Person D", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void Enqueue_ManyThreadsAtOnce_WritesEveryLineWholeAndOnce()
    {
        var path = Path.Combine(Path.GetTempPath(), $"decisions-{Guid.NewGuid():N}.ndjson");
        try
        {
            var sent = Enumerable.Range(0, 5_000).Select(i => $"{{\"decision\":{i},\"padding\":\"{new string('x', i % 300)}\"}}").ToArray();
            using (var log = new DecisionLog(Microsoft.Extensions.Options.Options.Create(new OrdinanceServerOptions { DecisionLog = path }), TimeProvider.System))
            {
                Parallel.ForEach(sent, new ParallelOptions { MaxDegreeOfParallelism = 8 }, log.Enqueue);
            }

            File.ReadAllLines(path).Should().BeEquivalentTo(sent, "each line arrives whole, once, however many requests write at once");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Dispose_MoreLinesThanTheChannelHolds_WritesThemAllInOrder()
    {
        var path = Path.Combine(Path.GetTempPath(), $"decisions-{Guid.NewGuid():N}.ndjson");
        try
        {
            var sent = Enumerable.Range(0, DecisionLog.Capacity + 1_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            using (var log = new DecisionLog(Microsoft.Extensions.Options.Options.Create(new OrdinanceServerOptions { DecisionLog = path }), TimeProvider.System))
            {
                foreach (var line in sent)
                {
                    log.Enqueue(line);
                }

                log.Failed.Should().BeFalse();
            }

            File.ReadAllLines(path).Should().Equal(sent);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.SelectMany(e => e is null ? [] : Texts(e)),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [System.Text.RegularExpressions.GeneratedRegex("^(sha256:)?[0-9a-f-]+$")]
    private static partial System.Text.RegularExpressions.Regex HexIdentifier();
}
