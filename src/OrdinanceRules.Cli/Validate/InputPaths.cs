using Microsoft.Extensions.FileSystemGlobbing;

namespace OrdinanceRules.Cli.Validate;

/// <summary>Turns the paths given on the command line into files: a file is itself, a folder is every YAML file in it, a pattern is the files it matches.</summary>
internal static class InputPaths
{
    private static readonly char[] Wildcards = ['*', '?', '['];

    /// <summary>The files, in the order given (a folder's and a pattern's in ordinal order), each once; <c>-</c> stays as it is.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, List<Diagnostic> problems)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (StandardInput.IsStandardInput(path) || File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsYaml).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    problems.Add(new Diagnostic(CliDiagnosticCodes.NoFiles, $"the folder '{path}' holds no *.yaml or *.yml file"));
                }

                files.AddRange(found);
            }
            else if (path.IndexOfAny(Wildcards) >= 0)
            {
                var found = Glob(path);
                if (found.Count == 0)
                {
                    problems.Add(new Diagnostic(CliDiagnosticCodes.NoFiles, $"no file matches the pattern '{path}'"));
                }

                files.AddRange(found);
            }
            else
            {
                problems.Add(new Diagnostic(CliDiagnosticCodes.NoFiles, $"'{path}' is no file, folder or pattern: it does not exist"));
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The files a pattern matches, searched from its longest leading part without a wildcard.</summary>
    private static List<string> Glob(string pattern)
    {
        var segments = pattern.Replace('\\', '/').Split('/');
        var fixedCount = segments.TakeWhile(s => s.IndexOfAny(Wildcards) < 0).Count();
        var root = fixedCount == 0 ? "." : string.Join('/', segments[..fixedCount]);
        if (root.Length == 0)
        {
            root = "/";
        }

        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[fixedCount..]));
        return matcher.GetResultsInFullPath(root)
            .Select(full => fixedCount == 0 ? Path.GetRelativePath(".", full) : Path.Combine(root, Path.GetRelativePath(root, full)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
