using System.Security.Cryptography;
using System.Text;

using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests;

public class ContentHashTests
{
    private static string Sha256(params string[] texts) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(texts))));

    [Fact]
    public void LoadOrdinance_BundledVocabulary_HashIsTheFilesSha256()
    {
        var path = Path.Combine(Repository.Root, "samples", "ordinances", "roeland-park-ks.yaml");

        var ordinance = OrdinanceYaml.LoadOrdinance(path).GetValueOrThrow();

        ordinance.ContentHash.Should().Be("sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }

    [Fact]
    public void ParseOrdinance_VocabularyFile_HashCoversBothFiles()
    {
        var yaml = TestFiles.Read("ordinance-valid.yaml");
        var vocabulary = TestFiles.Read("test-vocabulary.yaml");

        var ordinance = TestFiles.Ordinance(yaml).GetValueOrThrow();

        ordinance.ContentHash.Should().Be(Sha256(Sha256(yaml) + "\n" + Sha256(vocabulary) + "\n"));
    }

    [Fact]
    public void ParseOrdinance_OneCharacterChanged_HashDiffers()
    {
        var yaml = TestFiles.Read("ordinance-valid.yaml");

        var changed = TestFiles.Ordinance(yaml.Replace("title:", "title: ", StringComparison.Ordinal)).GetValueOrThrow();

        changed.ContentHash.Should().NotBe(TestFiles.Ordinance(yaml).GetValueOrThrow().ContentHash);
    }
}
