using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrdinanceRules.Json;

/// <summary>What <c>validate --format json</c> writes: every file read, whether it is valid, and its problems.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Files">One entry per file, in the order the paths were expanded.</param>
/// <param name="Valid">How many files are valid.</param>
/// <param name="Invalid">How many files have problems.</param>
/// <param name="Problems">Problems that belong to no one file, such as a path that names nothing or a <c>--law</c> file that does not load.</param>
public sealed record ValidationDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("files")] ImmutableArray<ValidatedFileJson> Files,
    [property: JsonPropertyName("valid")] int Valid,
    [property: JsonPropertyName("invalid")] int Invalid,
    [property: JsonPropertyName("problems")] ImmutableArray<DiagnosticJson> Problems) : IContractDocument;

/// <summary>One file <c>validate</c> read.</summary>
/// <param name="Path">The file's path as given or found (<c>-</c> for standard input).</param>
/// <param name="Kind">What its first key says it is: <c>ordinance</c>, <c>vocabulary</c>, <c>scenario</c>, <c>suite</c> or <c>unknown</c>.</param>
/// <param name="Valid">Whether it has no problems.</param>
/// <param name="Problems">Its problems, each at its file, line and column.</param>
public sealed record ValidatedFileJson(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("problems")] ImmutableArray<DiagnosticJson> Problems);

/// <summary>One problem (a <see cref="Diagnostic"/>): its code, its message, and where it is when it has a place.</summary>
/// <param name="Code">The code, such as <c>OR4002</c> (docs/diagnostics.md).</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="File">The file; omitted when the problem has no place.</param>
/// <param name="Line">The line, from 1; omitted with <see cref="File"/>.</param>
/// <param name="Column">The column, from 1; omitted with <see cref="File"/>.</param>
public sealed record DiagnosticJson(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("file")] string? File = null,
    [property: JsonPropertyName("line")] int? Line = null,
    [property: JsonPropertyName("column")] int? Column = null);

/// <summary>What <c>init --format json</c> writes: the city's folder and the files written into it.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Folder">The city's folder, as given.</param>
/// <param name="City">The city's name, as written into the ordinance's <c>jurisdiction:</c>.</param>
/// <param name="State">The state.</param>
/// <param name="TimeZone">The IANA time zone.</param>
/// <param name="Ordinance">The ordinance file, relative to the folder.</param>
/// <param name="Extends">The base the ordinance extends, relative to the folder (a copy of the bundled model).</param>
/// <param name="Files">Every file written, relative to the folder, with <c>/</c>.</param>
/// <param name="Next">The commands to run next, from the folder that holds the city's folder.</param>
public sealed record InitDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("folder")] string Folder,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("extends")] string Extends,
    [property: JsonPropertyName("files")] ImmutableArray<string> Files,
    [property: JsonPropertyName("next")] ImmutableArray<string> Next) : IContractDocument;

/// <summary>What <c>samples list --format json</c> and <c>samples copy --format json</c> write: the samples bundled in the tool.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Samples">Every bundled sample file, in ordinal order of its path.</param>
/// <param name="CopiedTo">The folder <c>samples copy</c> wrote them into; omitted by <c>samples list</c>.</param>
public sealed record SamplesDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("samples")] ImmutableArray<SampleJson> Samples,
    [property: JsonPropertyName("copiedTo")] string? CopiedTo = null) : IContractDocument;

/// <summary>One bundled sample file.</summary>
/// <param name="Path">Its path relative to the samples folder, with <c>/</c>, such as <c>ordinances/roeland-park-ks.yaml</c>.</param>
/// <param name="Kind"><c>ordinance</c>, <c>scenario</c>, <c>suite</c> or <c>notes</c> (a scenario folder's EXPECTED.md).</param>
/// <param name="Title">An ordinance's title; omitted for other kinds.</param>
public sealed record SampleJson(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("title")] string? Title = null);
