using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests.Robustness;

/// <summary>
/// Files come from other cities: whatever their text, reading them yields a value or located diagnostics,
/// never an exception. Each test mutates the bundled samples many times with a fixed seed, so a failure
/// reproduces.
/// </summary>
public class MutatedInputTests
{
    private const int Mutations = 150;

    private static readonly string[] Fragments = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "'", "\"", "\t", "\n", "#", "|", ">", "? ", "%", "@", "`", "\u00e9", "\0", "x.y ==", " and ", "reading('", "if ", "@2021-13-45T99:99"];

    public static TheoryData<string> OrdinanceFiles() => new(Directory.GetFiles(Repository.PathOf("samples", "ordinances"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(OrdinanceFiles))]
    public void ParseOrdinance_MutatedSample_GivesAValueOrLocatedDiagnostics(string file)
    {
        var path = Repository.PathOf("samples", "ordinances", file);
        var text = File.ReadAllText(path);
        var random = new Random(file.Length * 7919);
        for (var i = 0; i < Mutations; i++)
        {
            var mutated = Mutate(text, random);
            var act = () =>
            {
                var result = OrdinanceYaml.ParseOrdinance(mutated, path);
                if (result.Succeeded)
                {
                    // A file that still reads must also compile or explain why; conditions are untrusted too.
                    OrdinanceCompiler.TryCompile(result.Value).Diagnostics.Should().NotContain(d => d.Message.Length == 0);
                }
                else
                {
                    result.Diagnostics.Should().NotBeEmpty().And.OnlyContain(d => d.Location != null && d.Message.Length > 0);
                }
            };

            act.Should().NotThrow("mutation {0} of {1} must not throw", i, file);
        }
    }

    [Fact]
    public void ParseScenario_MutatedSamples_GiveAValueOrLocatedDiagnostics()
    {
        var ordinance = OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow();
        var files = Directory.GetFiles(Repository.PathOf("samples", "scenarios", "roeland-park"), "*.yaml").Order(StringComparer.Ordinal).Take(12).ToList();
        var random = new Random(1005);
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            for (var i = 0; i < Mutations / 3; i++)
            {
                var mutated = Mutate(text, random);
                var act = () =>
                {
                    var result = OrdinanceYaml.ParseScenario(mutated, path, ordinance);
                    if (!result.Succeeded)
                    {
                        result.Diagnostics.Should().NotBeEmpty().And.OnlyContain(d => d.Location != null);
                    }
                };

                act.Should().NotThrow("mutation {0} of {1} must not throw", i, Path.GetFileName(path));
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToCharArray().ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && chars.Count > 0; e++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars.RemoveRange(at, Math.Min(random.Next(1, 12), chars.Count - at));
                    break;
                case 1:
                    chars.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 40), chars.Count - at);
                    chars.InsertRange(at, chars.GetRange(at, length));
                    break;
                default:
                    chars[at] = Fragments[random.Next(Fragments.Length)][0];
                    break;
            }
        }

        return new string([.. chars]);
    }
}
