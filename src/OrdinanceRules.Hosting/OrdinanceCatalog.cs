using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Hosting;

/// <summary>
/// Loads every ordinance file of the folder, compiles each under the higher laws, and swaps in the new snapshot whole.
/// A file whose content hash has not changed keeps its compiled ordinance; one that fails keeps its last good version.
/// </summary>
internal sealed class OrdinanceCatalog : IOrdinanceCatalog
{
    private readonly OrdinanceRulesOptions _options;
    private readonly ILogger<OrdinanceCatalog> _logger;
    private readonly TimeProvider _time;
    private readonly Lock _reloading = new();
    private OrdinanceCatalogSnapshot? _current;

    public OrdinanceCatalog(IOptions<OrdinanceRulesOptions> options, ILogger<OrdinanceCatalog> logger, TimeProvider time)
    {
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    public OrdinanceCatalogSnapshot Current => Volatile.Read(ref _current) ?? Reload();

    public bool TryGet(string id, [NotNullWhen(true)] out CatalogOrdinance? ordinance)
    {
        ordinance = Current.Find(id);
        return ordinance is not null;
    }

    public OrdinanceCatalogSnapshot Reload()
    {
        lock (_reloading)
        {
            var previous = Volatile.Read(ref _current);
            try
            {
                var next = Load(previous);
                Volatile.Write(ref _current, next);
                return next;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && previous is not null)
            {
                Log.ReloadFailed(_logger, ex, _options.Folder);
                return previous;
            }
        }
    }

    /// <summary>The ordinance files directly in a folder, in ordinal order.</summary>
    public static IReadOnlyList<string> OrdinanceFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    private OrdinanceCatalogSnapshot Load(OrdinanceCatalogSnapshot? previous)
    {
        var problems = new List<Diagnostic>();
        var laws = LoadLaws(problems);
        var ordinances = ImmutableArray.CreateBuilder<CatalogOrdinance>();
        var rejected = 0;
        var files = OrdinanceFiles(_options.Folder);
        foreach (var group in files.GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal))
        {
            var id = group.Key;
            var path = group.First();
            var last = previous?.Find(id);
            var fileProblems = new List<Diagnostic>();
            if (group.Count() > 1)
            {
                fileProblems.Add(new Diagnostic(HostingDiagnosticCodes.DuplicateId, $"two files have the id '{id}': {string.Join(" and ", group.Select(Path.GetFileName))}; rename one", new SourceLocation(group.Last(), 1, 1)));
            }

            var loaded = fileProblems.Count == 0 && laws is not null ? Compile(path, laws, last, fileProblems) : null;
            if (loaded is not null)
            {
                ordinances.Add(loaded);
                continue;
            }

            if (laws is not null)
            {
                rejected++;
                problems.AddRange(fileProblems);
                Reject(path, fileProblems);
            }

            if (last is not null)
            {
                Log.KeptLastGood(_logger, id, last.ContentHash, last.LoadedAt, path);
                ordinances.Add(last with { IsStale = true });
            }
        }

        foreach (var gone in previous?.Ordinances.Where(o => !files.Contains(o.Path, StringComparer.Ordinal) && ordinances.All(n => n.Id != o.Id)) ?? [])
        {
            Log.OrdinanceRemoved(_logger, gone.Id, gone.Path);
        }

        var snapshot = new OrdinanceCatalogSnapshot((previous?.Generation ?? 0) + 1, _time.GetUtcNow(), ordinances.ToImmutable(), [.. problems]);
        Log.CatalogLoaded(_logger, snapshot.Generation, _options.Folder, snapshot.Ordinances.Length, rejected);
        return snapshot;
    }

    /// <summary>Loads and compiles one file; an unchanged file (same content hash, not stale) keeps its compiled ordinance.</summary>
    private CatalogOrdinance? Compile(string path, IReadOnlyList<Ordinance> laws, CatalogOrdinance? last, List<Diagnostic> problems)
    {
        var read = OrdinanceYaml.LoadOrdinance(path);
        if (!read.Succeeded)
        {
            problems.AddRange(read.Diagnostics.Select(d => d.Location is null ? d with { Location = new SourceLocation(path, 1, 1) } : d));
            return null;
        }

        if (last is { IsStale: false } && last.Compiled.Ordinance.ContentHash == read.Value.ContentHash && last.Compiled.HigherLaws.Select(l => l.ContentHash).SequenceEqual(laws.Select(l => l.ContentHash)))
        {
            return last;
        }

        var compiled = OrdinanceCompiler.TryCompile(read.Value, laws);
        if (!compiled.Succeeded)
        {
            problems.AddRange(compiled.Diagnostics);
            return null;
        }

        var id = Path.GetFileNameWithoutExtension(path);
        Log.OrdinanceLoaded(_logger, id, compiled.Value.Ordinance.Citation, path, compiled.Value.RuleCount, compiled.Value.ContentHash);
        return new CatalogOrdinance(id, path, compiled.Value, _time.GetUtcNow(), IsStale: false);
    }

    /// <summary>The higher laws, or null when one does not load (then no ordinance is recompiled this time).</summary>
    private List<Ordinance>? LoadLaws(List<Diagnostic> problems)
    {
        var laws = new List<Ordinance>();
        foreach (var path in _options.HigherLaws)
        {
            var law = OrdinanceYaml.LoadOrdinance(path);
            if (law.Succeeded)
            {
                laws.Add(law.Value);
            }
            else
            {
                problems.AddRange(law.Diagnostics);
                Reject(path, law.Diagnostics);
            }
        }

        return problems.Count == 0 ? laws : null;
    }

    private void Reject(string path, IReadOnlyCollection<Diagnostic> problems)
    {
        Log.OrdinanceRejected(_logger, path, problems.Count);
        foreach (var problem in problems)
        {
            Log.Problem(_logger, problem.ToString());
        }
    }
}
