namespace OrdinanceRules.Server.Tests.Workbench;

/// <summary>
/// Finds the Chromium the browser tests drive: Debian's <c>chromium</c> (which .ci/run installs), as Playwright cannot
/// download its own browsers on this project's machines. <c>ORDINANCE_CHROMIUM</c> names another executable.
/// </summary>
internal static class Chromium
{
    public const string Variable = "ORDINANCE_CHROMIUM";

    public const string HowToInstall =
        "install Debian's chromium (apt-get update && apt-get install -y chromium; .ci/run does this), or set " + Variable + " to a Chromium executable";

    private static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>The executable: the variable's, else the first <c>chromium</c> on the search path; never a skip, a failure that says how to install it.</summary>
    public static string Find(string? configured, string? searchPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{Variable} names '{configured}', which does not exist: {HowToInstall}");
        }

        foreach (var folder in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"Chromium was not found on the search path, and the workbench's browser tests need it: {HowToInstall}");
    }
}
