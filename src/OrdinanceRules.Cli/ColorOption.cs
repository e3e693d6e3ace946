using Spectre.Console;

namespace OrdinanceRules.Cli;

/// <summary>
/// <c>--color auto|always|never</c>, which every command takes, and the <c>NO_COLOR</c> convention
/// (no-color.org): with <c>auto</c>, the default, colour and other escape codes are written only to a
/// terminal, and only when <c>NO_COLOR</c> is unset or empty; <c>always</c> and <c>never</c> override both.
/// </summary>
internal static class ColorOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--color";

    /// <summary>
    /// Takes <c>--color VALUE</c> or <c>--color=VALUE</c> out of the arguments (anywhere before a <c>--</c>) and
    /// decides, with <c>NO_COLOR</c>, how the console writes; gives the remaining arguments, or an error message.
    /// </summary>
    public static string[] Take(string[] args, Func<string, string?> environment, bool isTerminal, out AnsiConsoleSettings settings, out string? error)
    {
        error = null;
        settings = new AnsiConsoleSettings();
        var choice = "auto";
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args[i..]);
                break;
            }

            if (arg == Name)
            {
                if (i + 1 >= args.Length)
                {
                    error = "--color needs a value: auto, always or never";
                    return [];
                }

                choice = args[++i];
            }
            else if (arg.StartsWith(Name + "=", StringComparison.Ordinal))
            {
                choice = arg[(Name.Length + 1)..];
            }
            else
            {
                rest.Add(arg);
            }
        }

        var noColor = !string.IsNullOrEmpty(environment("NO_COLOR"));
        switch (choice)
        {
            case "never":
            case "auto" when noColor || !isTerminal:
                settings.Ansi = AnsiSupport.No;
                settings.ColorSystem = ColorSystemSupport.NoColors;
                break;
            case "always":
                settings.Ansi = AnsiSupport.Yes;
                settings.ColorSystem = ColorSystemSupport.Standard;
                break;
            case "auto":
                settings.Ansi = AnsiSupport.Detect;
                settings.ColorSystem = ColorSystemSupport.Detect;
                break;
            default:
                error = $"--color must be auto, always or never, not '{choice}'";
                return [];
        }

        return [.. rest];
    }
}
