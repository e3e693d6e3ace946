namespace OrdinanceRules.Hosting;

/// <summary>
/// The event ids of the catalogue's log messages (category <c>OrdinanceRules.Hosting.OrdinanceCatalog</c>). They are
/// stable: a number keeps its meaning in every version, so alerts can match on it. docs/hosting.md lists them.
/// </summary>
public static class OrdinanceRulesEventIds
{
    /// <summary>Information: a load of the folder finished, with how many ordinances are served and how many files had problems.</summary>
    public const int CatalogLoaded = 4100;

    /// <summary>Information: an ordinance file was loaded and compiled (new or changed).</summary>
    public const int OrdinanceLoaded = 4101;

    /// <summary>Information: an ordinance file was removed from the folder, and its ordinance is no longer served.</summary>
    public const int OrdinanceRemoved = 4102;

    /// <summary>Error: an ordinance file has problems and was not loaded; one event per file, then one <see cref="Problem"/> per problem.</summary>
    public const int OrdinanceRejected = 4103;

    /// <summary>Error: one located problem of a rejected file, as <c>file:line:column: error CODE: message</c>.</summary>
    public const int Problem = 4104;

    /// <summary>Warning: a changed file did not load, and the last good version of its ordinance is still served.</summary>
    public const int KeptLastGood = 4105;

    /// <summary>Debug: a change in the folder was seen; a reload follows after the reload delay.</summary>
    public const int ChangeDetected = 4106;

    /// <summary>Error: a reload failed as a whole (the folder could not be read); the previous catalogue is still served.</summary>
    public const int ReloadFailed = 4107;
}
