namespace OrdinanceRules.Hosting;

/// <summary>Where the catalogue of ordinances is loaded from, and how it follows changes (docs/hosting.md).</summary>
/// <remarks>Validated when the host starts: a missing or empty folder stops the start with a message naming it.</remarks>
public sealed class OrdinanceRulesOptions
{
    /// <summary>
    /// The folder of ordinance files: every <c>*.yaml</c> and <c>*.yml</c> file directly in it is an ordinance, whose id is
    /// its file name without the extension. Vocabulary files an ordinance uses by path belong in a subfolder. Required.
    /// </summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>Higher-law files (state or federal) every ordinance of the folder is stacked under, in order, as <c>--law</c> does.</summary>
    public IList<string> HigherLaws { get; } = [];

    /// <summary>Whether to reload when a file of the folder changes. On by default.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// Whether to watch by polling instead of the operating system's notifications: for folders mounted from a network
    /// or a container's volume, where notifications do not arrive. Off by default.
    /// </summary>
    public bool UsePolling { get; set; }

    /// <summary>How long to wait after a change before reloading, so that one save that touches a file several times reloads once. Half a second by default; from zero to one minute.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
