namespace OrdinanceRules.Server;

/// <summary>The codes of the problems the decision service reports about a request; problems in the scenario keep their own codes (docs/diagnostics.md).</summary>
public static class ServerDiagnosticCodes
{
    /// <summary>The request names no ordinance (<c>?ordinance=ID</c>), or one the service does not serve.</summary>
    public const string UnknownOrdinance = "OR8001";

    /// <summary>The body's content type is neither JSON nor YAML.</summary>
    public const string UnsupportedMediaType = "OR8002";

    /// <summary>The body is larger than the service accepts.</summary>
    public const string TooLarge = "OR8003";

    /// <summary>The body is not well-formed JSON (with a JSON content type).</summary>
    public const string InvalidJson = "OR8004";

    /// <summary><c>asOf</c> is not an instant, or the scenario names none and the request gives none.</summary>
    public const string InvalidAsOf = "OR8005";

    /// <summary>A <c>reading</c> is not <c>name=alternative</c>, or names a reading or alternative the ordinance does not declare.</summary>
    public const string InvalidReading = "OR8006";

    /// <summary>A <c>set</c> or <c>answer</c> is not <c>fact.field=value</c>, or names a fact or field the scenario lacks, or a value the field does not take.</summary>
    public const string InvalidChange = "OR8007";

    /// <summary>A <c>provision</c> names no provision of the ordinance.</summary>
    public const string UnknownProvision = "OR8008";

    /// <summary>The request took longer than the service allows.</summary>
    public const string Timeout = "OR8009";
}
