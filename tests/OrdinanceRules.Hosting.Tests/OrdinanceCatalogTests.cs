using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrdinanceRules.Hosting.Tests;

public class OrdinanceCatalogTests
{
    private const string RoelandPark = "roeland-park-ks";
    private const string Lawrence = "lawrence-ks";

    private static IHost Build(string folder, CapturingLoggerProvider logs, Action<OrdinanceRulesOptions>? more = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddOrdinanceRules(o =>
        {
            o.Folder = folder;
            o.ReloadDelay = TimeSpan.FromMilliseconds(100);
            more?.Invoke(o);
        });
        builder.Services.AddHealthChecks().AddOrdinanceCatalog();
        return builder.Build();
    }

    private static async Task<HealthStatus> Health(IHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status;

    [Fact]
    public async Task Start_FolderOfTwo_ServesBothCompiledByFileName()
    {
        using var folder = new OrdinanceFolder(RoelandPark, Lawrence);
        var logs = new CapturingLoggerProvider();
        using var host = Build(folder.Path, logs);

        await host.StartAsync();

        var catalog = host.Services.GetRequiredService<IOrdinanceCatalog>();
        catalog.Current.Ordinances.Select(o => o.Id).Should().Equal(Lawrence, RoelandPark);
        catalog.TryGet(RoelandPark, out var roelandPark).Should().BeTrue();
        roelandPark!.Compiled.Ordinance.Citation.Should().Be("Roeland Park Ordinance 1005");
        roelandPark.ContentHash.Should().Be(OrdinanceRules.Yaml.OrdinanceYaml.LoadOrdinance(Repository.Ordinance(RoelandPark)).GetValueOrThrow().ContentHash);
        catalog.Current.IsComplete.Should().BeTrue();
        (await Health(host)).Should().Be(HealthStatus.Healthy);
        logs.Entries.Where(e => e.EventId == OrdinanceRulesEventIds.OrdinanceLoaded).Should().HaveCount(2);
        logs.Entries.Should().Contain(e => e.EventId == OrdinanceRulesEventIds.CatalogLoaded && e.Message.Contains("2 ordinances served, 0 files with problems"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Reload_BadEdit_KeepsTheLastGoodVersionAndLogsTheLocatedProblem()
    {
        using var folder = new OrdinanceFolder(RoelandPark, Lawrence);
        var logs = new CapturingLoggerProvider();
        using var host = Build(folder.Path, logs, o => o.WatchForChanges = false);
        await host.StartAsync();
        var catalog = host.Services.GetRequiredService<IOrdinanceCatalog>();
        var good = catalog.Current.Find(RoelandPark)!;

        var (line, column) = folder.Break(RoelandPark);
        var snapshot = catalog.Reload();

        var kept = snapshot.Find(RoelandPark)!;
        kept.IsStale.Should().BeTrue();
        kept.Compiled.Should().BeSameAs(good.Compiled);
        snapshot.Find(Lawrence)!.IsStale.Should().BeFalse();
        var problem = snapshot.Problems.Should().ContainSingle(p => p.Location!.Line == line).Subject;
        problem.ToString().Should().StartWith($"{folder.File(RoelandPark)}:{line}:{column}: error ").And.Contain("not 'forbidden'");
        logs.Entries.Should().Contain(e => e.EventId == OrdinanceRulesEventIds.OrdinanceRejected && e.Level == LogLevel.Error && e.Message.Contains(folder.File(RoelandPark)));
        logs.Entries.Should().Contain(e => e.EventId == OrdinanceRulesEventIds.Problem && e.Message == problem.ToString());
        logs.Entries.Should().Contain(e => e.EventId == OrdinanceRulesEventIds.KeptLastGood && e.Level == LogLevel.Warning && e.Message.Contains(good.ContentHash!));
        (await Health(host)).Should().Be(HealthStatus.Degraded);

        folder.Restore(RoelandPark);
        var fixedSnapshot = catalog.Reload();

        fixedSnapshot.IsComplete.Should().BeTrue();
        fixedSnapshot.Find(RoelandPark)!.IsStale.Should().BeFalse();
        (await Health(host)).Should().Be(HealthStatus.Healthy);
        await host.StopAsync();
    }

    [Fact]
    public async Task Reload_UnchangedFile_KeepsItsCompiledOrdinance()
    {
        using var folder = new OrdinanceFolder(RoelandPark);
        using var host = Build(folder.Path, new CapturingLoggerProvider(), o => o.WatchForChanges = false);
        await host.StartAsync();
        var catalog = host.Services.GetRequiredService<IOrdinanceCatalog>();
        var first = catalog.Current;

        var second = catalog.Reload();

        second.Generation.Should().Be(first.Generation + 1);
        second.Find(RoelandPark)!.Compiled.Should().BeSameAs(first.Find(RoelandPark)!.Compiled);
        await host.StopAsync();
    }

    [Fact]
    public async Task Watch_FileEditedAndRemoved_ReloadsByItself()
    {
        using var folder = new OrdinanceFolder(RoelandPark, Lawrence);
        var logs = new CapturingLoggerProvider();
        using var host = Build(folder.Path, logs);
        await host.StartAsync();
        var catalog = host.Services.GetRequiredService<IOrdinanceCatalog>();

        folder.Break(RoelandPark);
        var broken = await Eventually.Until(() => catalog.Current, s => !s.IsComplete, "the bad edit to be seen");

        broken.Find(RoelandPark)!.IsStale.Should().BeTrue();
        File.Delete(folder.File(Lawrence));
        var removed = await Eventually.Until(() => catalog.Current, s => s.Find(Lawrence) is null, "the removal to be seen");
        removed.Ordinances.Select(o => o.Id).Should().Equal(RoelandPark);
        logs.Entries.Should().Contain(e => e.EventId == OrdinanceRulesEventIds.OrdinanceRemoved && e.Message.Contains(Lawrence));
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_NewFileThatNeverLoaded_IsUnhealthyWhenNothingElseIsServed()
    {
        using var folder = new OrdinanceFolder(RoelandPark);
        folder.Break(RoelandPark);
        using var host = Build(folder.Path, new CapturingLoggerProvider(), o => o.WatchForChanges = false);

        await host.StartAsync();

        host.Services.GetRequiredService<IOrdinanceCatalog>().Current.Ordinances.Should().BeEmpty();
        (await Health(host)).Should().Be(HealthStatus.Unhealthy);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_FolderMissing_FailsWithAMessageNamingTheOption()
    {
        var missing = Path.Combine(Path.GetTempPath(), "ordinance-hosting-tests", "no-such-folder");
        using var host = Build(missing, new CapturingLoggerProvider());

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>())
            .Which.Message.Should().Contain($"OrdinanceRulesOptions.Folder '{missing}' is not a folder");
    }

    [Fact]
    public async Task Start_ReloadDelayOutOfRangeAndNoFolder_ReportsBoth()
    {
        using var host = Build(string.Empty, new CapturingLoggerProvider(), o => o.ReloadDelay = TimeSpan.FromHours(1));

        var start = () => host.StartAsync();

        var failures = (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Failures;
        failures.Should().Contain(f => f.StartsWith("OrdinanceRulesOptions.Folder is required", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("OrdinanceRulesOptions.ReloadDelay must be from 0 to 1 minute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_HigherLaws_StacksEveryOrdinanceUnderThem()
    {
        using var folder = new OrdinanceFolder(RoelandPark);
        using var host = Build(folder.Path, new CapturingLoggerProvider(), o =>
        {
            o.WatchForChanges = false;
            o.HigherLaws.Add(Repository.Ordinance("kansas-ksa-12-16-140"));
        });

        await host.StartAsync();

        var ordinance = host.Services.GetRequiredService<IOrdinanceCatalog>().Current.Find(RoelandPark)!;
        ordinance.Compiled.HigherLaws.Select(l => l.Citation).Should().Equal("K.S.A. 12-16,140");
        ordinance.ContentHash.Should().NotBe(ordinance.Compiled.Ordinance.ContentHash);
        await host.StopAsync();
    }

    [Fact]
    public async Task Reload_TwoFilesWithOneId_RejectsTheIdWithOR7001()
    {
        using var folder = new OrdinanceFolder(RoelandPark);
        File.Copy(folder.File(RoelandPark), Path.ChangeExtension(folder.File(RoelandPark), ".yml"));
        using var host = Build(folder.Path, new CapturingLoggerProvider(), o => o.WatchForChanges = false);

        await host.StartAsync();

        host.Services.GetRequiredService<IOrdinanceCatalog>().Current.Problems.Should().ContainSingle()
            .Which.Code.Should().Be(HostingDiagnosticCodes.DuplicateId);
        await host.StopAsync();
    }
}
