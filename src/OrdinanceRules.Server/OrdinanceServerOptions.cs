namespace OrdinanceRules.Server;

/// <summary>The decision service's limits and decision log (docs/service.md).</summary>
public sealed class OrdinanceServerOptions
{
    /// <summary>The largest request body accepted, in bytes; a larger one is refused with 413. One mebibyte by default.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>How long one request may take, reading its body and evaluating; a slower one is answered with 503. Thirty seconds by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where to write the decision log, one JSON line per decision: a file's path (appended to), <c>-</c> for standard
    /// output, or null (the default) for none.
    /// </summary>
    public string? DecisionLog { get; set; }
}
