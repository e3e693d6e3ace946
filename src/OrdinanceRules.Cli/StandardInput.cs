namespace OrdinanceRules.Cli;

/// <summary>The command line's standard input, read when a file argument is <c>-</c>.</summary>
internal sealed class StandardInput(TextReader reader)
{
    /// <summary>The argument that stands for standard input.</summary>
    public const string Argument = "-";

    /// <summary>The name problems in standard input are reported under.</summary>
    public const string FileName = "<stdin>";

    /// <summary>The YAML reader's size limit (1 MiB of UTF-8), as characters: a text has never more characters than bytes.</summary>
    public const int MaxCharacters = 1024 * 1024;

    private string? _text;

    /// <summary>
    /// The whole of standard input, read once (a second <c>-</c> gets the same text), and at most one
    /// character past the YAML size limit, so that the reader reports an oversized input instead of
    /// this process holding all of it.
    /// </summary>
    public string ReadAll()
    {
        if (_text is null)
        {
            var buffer = new char[MaxCharacters + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = reader.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            _text = new string(buffer, 0, length);
        }

        return _text;
    }

    /// <summary>
    /// Whether a path argument names standard input. The command line library reads a lone <c>-</c> as an
    /// option, so <see cref="CliApp"/> hands it to the commands as <see cref="FileName"/>.
    /// </summary>
    public static bool IsStandardInput(string path) => path is Argument or FileName;
}
