namespace OrdinanceRules.Hosting;

/// <summary>The codes of the problems the catalogue itself reports; problems in the files keep their own codes (docs/diagnostics.md).</summary>
public static class HostingDiagnosticCodes
{
    /// <summary>Two files of the folder have the same id (file name without the extension), such as <c>a.yaml</c> and <c>a.yml</c>.</summary>
    public const string DuplicateId = "OR7001";
}
