namespace OrdinanceRules.Server.Tests.Workbench;

public class ChromiumTests
{
    [Fact]
    public void Find_NoChromiumOnThePath_FailsSayingHowToInstallIt()
    {
        var find = () => Chromium.Find(null, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));

        find.Should().Throw<InvalidOperationException>().WithMessage("*apt-get install -y chromium*ORDINANCE_CHROMIUM*");
    }

    [Fact]
    public void Find_VariableNamesMissingFile_FailsNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "chromium");

        var find = () => Chromium.Find(missing, "/usr/bin");

        find.Should().Throw<InvalidOperationException>().WithMessage($"ORDINANCE_CHROMIUM names '{missing}'*apt-get install -y chromium*");
    }

    [Fact]
    public void Find_ChromiumInAFolderOfThePath_ReturnsIt()
    {
        var folder = Directory.CreateTempSubdirectory("chromium-path");
        try
        {
            var executable = Path.Combine(folder.FullName, "chromium");
            File.WriteAllText(executable, string.Empty);

            Chromium.Find(" ", "/nonexistent" + Path.PathSeparator + folder.FullName).Should().Be(executable);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
