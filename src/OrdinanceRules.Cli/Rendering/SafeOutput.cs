using System.Text;
using OrdinanceRules.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>
/// Every text output of the command line passes through here: text from the files read (names, descriptions,
/// titles, values echoed in errors) may hold control characters that retitle or clear a terminal, or forge a
/// line, so each one is written as a visible escape such as <c>\u001B</c>. The console's own styling is kept.
/// </summary>
internal static class SafeOutput
{
    /// <summary>A console whose every written segment of text is cleaned; control codes Spectre itself emits pass.</summary>
    public static IAnsiConsole Console(IAnsiConsole inner) => inner is CleanConsole ? inner : new CleanConsole(inner);

    /// <summary>A writer for plain text (errors, JSON, documents) that escapes control characters other than line breaks.</summary>
    public static TextWriter Writer(TextWriter inner) => inner is CleanWriter ? inner : new CleanWriter(inner);

    private sealed class CleanConsole(IAnsiConsole inner) : IAnsiConsole
    {
        public Profile Profile => inner.Profile;

        public IAnsiConsoleCursor Cursor => inner.Cursor;

        public IAnsiConsoleInput Input => inner.Input;

        public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

        public RenderPipeline Pipeline => inner.Pipeline;

        public void Clear(bool home) => inner.Clear(home);

        public void Write(IRenderable renderable) => inner.Write(new CleanRenderable(renderable));

        // Raw ANSI is written only by Spectre's own widgets, never with text from a file.
        public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);
    }

    private sealed class CleanRenderable(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            inner.Render(options, maxWidth).Select(s => s.IsControlCode || s.IsLineBreak ? s : new Segment(Echo.CleanLines(s.Text), s.Style));
    }

    private sealed class CleanWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (value is '\n' or '\r' || !Echo.IsUnsafe(value))
            {
                inner.Write(value);
            }
            else
            {
                inner.Write(Echo.Clean(value.ToString()));
            }
        }

        public override void Write(string? value) => inner.Write(Clean(value));

        public override void WriteLine(string? value) => inner.WriteLine(Clean(value));

        public override void WriteLine() => inner.WriteLine();

        public override void Flush() => inner.Flush();

        private static string Clean(string? value) =>
            string.Join('\n', (value ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Select(Echo.CleanLines));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Flush();
            }

            base.Dispose(disposing);
        }
    }
}
