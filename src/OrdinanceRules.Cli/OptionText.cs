namespace OrdinanceRules.Cli;

/// <summary>
/// The descriptions of the options several commands take with one meaning, so that <c>--help</c> says the same of
/// each everywhere: what lets a file reach outside its folder, and what shows sensitive values.
/// </summary>
internal static class OptionText
{
    /// <summary><c>--allow-outside</c>: every command that reads an ordinance file.</summary>
    public const string AllowOutside = "Let the files read name files outside their own folder (an ordinance's vocabulary file or base ordinance, a vocabulary's base, a suite's ordinance and scenarios). Off by default: files from elsewhere may not reach into the rest of the disk. Only for files you trust.";

    /// <summary><c>--show-sensitive</c>: every command that reads scenarios or records.</summary>
    public const string ShowSensitive = "Show the values of sensitive fields (a person's immigration status, citizenship, place of birth, name, address) in what is printed or written, error messages included; by default they are shown as [[sensitive]]. Only for a reader entitled to see them.";
}
