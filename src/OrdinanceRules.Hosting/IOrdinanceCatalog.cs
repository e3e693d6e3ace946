using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OrdinanceRules.Hosting;

/// <summary>
/// The compiled ordinances of the configured folder, kept current as files change. Register it with
/// <see cref="OrdinanceRulesServiceCollectionExtensions.AddOrdinanceRules"/> and inject it.
/// </summary>
/// <remarks>
/// Thread-safe. <see cref="Current"/> is an immutable snapshot replaced as a whole on each reload, so a request that
/// takes it once sees one consistent catalogue even while a reload runs. A file that fails to load after an edit keeps
/// its last good version in the catalogue, marked <see cref="CatalogOrdinance.IsStale"/>, and its problems are in
/// <see cref="OrdinanceCatalogSnapshot.Problems"/>.
/// </remarks>
public interface IOrdinanceCatalog
{
    /// <summary>The catalogue as last loaded.</summary>
    OrdinanceCatalogSnapshot Current { get; }

    /// <summary>Finds an ordinance of <see cref="Current"/> by id (its file name without the extension).</summary>
    /// <param name="id">The id, such as <c>roeland-park-ks</c>.</param>
    /// <param name="ordinance">The ordinance, when there is one.</param>
    /// <returns>Whether there is one.</returns>
    bool TryGet(string id, [NotNullWhen(true)] out CatalogOrdinance? ordinance);

    /// <summary>Reloads the folder now, as a change to a file does, and returns the new snapshot.</summary>
    /// <returns>The catalogue after the reload.</returns>
    OrdinanceCatalogSnapshot Reload();
}

/// <summary>One ordinance of the catalogue: its id, file and compiled form.</summary>
/// <param name="Id">Its file name without the extension, such as <c>roeland-park-ks</c>.</param>
/// <param name="Path">The file it was loaded from.</param>
/// <param name="Compiled">The compiled ordinance, stacked under the configured higher laws: evaluate scenarios with it.</param>
/// <param name="LoadedAt">When this version was loaded.</param>
/// <param name="IsStale">Whether the file has changed since and its new text did not load: this is the last good version.</param>
public sealed record CatalogOrdinance(string Id, string Path, CompiledOrdinance Compiled, DateTimeOffset LoadedAt, bool IsStale)
{
    /// <summary>The content hash of the law that decides (docs/json.md, "Content hash").</summary>
    public string? ContentHash => Compiled.ContentHash;
}

/// <summary>The catalogue at one load: the ordinances served, and the problems of the files that did not load.</summary>
/// <param name="Generation">How many loads made it: 1 for the first, rising by one with each reload.</param>
/// <param name="LoadedAt">When the load finished.</param>
/// <param name="Ordinances">The ordinances served, by id in ordinal order.</param>
/// <param name="Problems">Each located problem of the files that did not load at this load; empty when every file loaded.</param>
public sealed record OrdinanceCatalogSnapshot(int Generation, DateTimeOffset LoadedAt, ImmutableArray<CatalogOrdinance> Ordinances, ImmutableArray<Diagnostic> Problems)
{
    /// <summary>Whether every file of the folder loaded: nothing stale, no problem.</summary>
    public bool IsComplete => Problems.IsEmpty;

    /// <summary>Finds an ordinance by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The ordinance, or null.</returns>
    public CatalogOrdinance? Find(string id) => Ordinances.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));
}
