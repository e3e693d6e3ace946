using OrdinanceRules.Diagnostics;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli;

/// <summary>The command line's standard input, read when a file argument is <c>-</c>.</summary>
/// <remarks>
/// Read as bytes and held to the rules files are read by: at most <see cref="Limits.MaxFileBytes"/> bytes, counted
/// while reading, and valid UTF-8, where an invalid byte is an error at its line and column (never a silent U+FFFD).
/// </remarks>
internal sealed class StandardInput(Stream stream)
{
    /// <summary>The argument that stands for standard input.</summary>
    public const string Argument = "-";

    /// <summary>The name problems in standard input are reported under.</summary>
    public const string FileName = "<stdin>";

    private (string? Text, List<Diagnostic> Problems)? _read;

    /// <summary>
    /// The whole of standard input as text, read once (a second <c>-</c> gets the same text); null, with the problems,
    /// when it is larger than the file limit or not valid UTF-8.
    /// </summary>
    public string? ReadAll(List<Diagnostic> problems)
    {
        _read ??= Read();
        problems.AddRange(_read.Value.Problems);
        return _read.Value.Text;
    }

    private (string?, List<Diagnostic>) Read()
    {
        var problems = new List<Diagnostic>();
        var buffer = new byte[Limits.MaxFileBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > Limits.MaxFileBytes)
        {
            problems.Add(new Diagnostic(YamlDiagnosticCodes.LimitExceeded, $"standard input is larger than {Limits.MaxFileBytes / 1024 / 1024} MiB", new SourceLocation(FileName, 1, 1)));
            return (null, problems);
        }

        return (Yaml.Reading.SourceFiles.Decode(buffer[..length], FileName, problems), problems);
    }

    /// <summary>
    /// Whether a path argument names standard input. The command line library reads a lone <c>-</c> as an
    /// option, so <see cref="CliApp"/> hands it to the commands as <see cref="FileName"/>.
    /// </summary>
    public static bool IsStandardInput(string path) => path is Argument or FileName;
}
