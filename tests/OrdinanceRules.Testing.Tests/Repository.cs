namespace OrdinanceRules.Testing.Tests;

/// <summary>Finds the repository's own files from the test's output folder.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrdinanceRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrdinanceRules.sln not found above the test folder.");
    });

    public static string PathOf(params string[] parts) => Path.Combine([RootPath.Value, .. parts]);
}
