using Microsoft.Extensions.Logging;

namespace OrdinanceRules.Hosting;

/// <summary>The catalogue's log messages, generated at compile time, each with its stable id from <see cref="OrdinanceRulesEventIds"/>.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = OrdinanceRulesEventIds.CatalogLoaded, EventName = "CatalogLoaded", Level = LogLevel.Information,
        Message = "Ordinance catalogue {Generation} from {Folder}: {Count} ordinances served, {Rejected} files with problems")]
    public static partial void CatalogLoaded(ILogger logger, int generation, string folder, int count, int rejected);

    [LoggerMessage(EventId = OrdinanceRulesEventIds.OrdinanceLoaded, EventName = "OrdinanceLoaded", Level = LogLevel.Information,
        Message = "Loaded ordinance {OrdinanceId} ({Citation}) from {Path}: {RuleCount} rules, content hash {ContentHash}")]
    public static partial void OrdinanceLoaded(ILogger logger, string ordinanceId, string citation, string path, int ruleCount, string? contentHash);

    [LoggerMessage(EventId = OrdinanceRulesEventIds.OrdinanceRemoved, EventName = "OrdinanceRemoved", Level = LogLevel.Information,
        Message = "Ordinance {OrdinanceId} is no longer served: its file {Path} was removed")]
    public static partial void OrdinanceRemoved(ILogger logger, string ordinanceId, string path);

    [LoggerMessage(EventId = OrdinanceRulesEventIds.OrdinanceRejected, EventName = "OrdinanceRejected", Level = LogLevel.Error,
        Message = "Ordinance file {Path} was not loaded: {Count} problems")]
    public static partial void OrdinanceRejected(ILogger logger, string path, int count);

    [LoggerMessage(EventId = OrdinanceRulesEventIds.Problem, EventName = "Problem", Level = LogLevel.Error, Message = "{Problem}")]
    public static partial void Problem(ILogger logger, string problem);

    [LoggerMessage(EventId = OrdinanceRulesEventIds.KeptLastGood, EventName = "KeptLastGood", Level = LogLevel.Warning,
        Message = "Ordinance {OrdinanceId} keeps its last good version (content hash {ContentHash}, loaded {LoadedAt:O}) until {Path} loads again")]
    public static partial void KeptLastGood(ILogger logger, string ordinanceId, string? contentHash, DateTimeOffset loadedAt, string path);

    [LoggerMessage(EventId = OrdinanceRulesEventIds.ChangeDetected, EventName = "ChangeDetected", Level = LogLevel.Debug,
        Message = "A file changed in {Folder}; reloading in {Delay}")]
    public static partial void ChangeDetected(ILogger logger, string folder, TimeSpan delay);

    [LoggerMessage(EventId = OrdinanceRulesEventIds.ReloadFailed, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Reloading {Folder} failed; the previous catalogue is still served")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, string folder);
}
