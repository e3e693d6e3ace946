using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrdinanceRules.Json;

/// <summary>A document of the public JSON contract (docs/json.md): every one carries the contract's version.</summary>
public interface IContractDocument
{
    /// <summary>The version of the contract the document follows: <see cref="OrdinanceJson.SchemaVersion"/> when written by this library.</summary>
    int SchemaVersion { get; }
}

/// <summary>What <c>check --format json</c> writes: one report per scenario, in the order given.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Reports">The reports.</param>
public sealed record ReportsDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("reports")] ImmutableArray<ReportJson> Reports) : IContractDocument;

/// <summary>The findings of one scenario under one ordinance, as JSON.</summary>
/// <param name="Ordinance">The ordinance's citation.</param>
/// <param name="Title">The ordinance's title.</param>
/// <param name="Notes">What is known of the ordinance's text; omitted when none.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="AsOf">The instant judged at, ISO 8601 with the offset in force in the jurisdiction's zone.</param>
/// <param name="TimeZone">The jurisdiction's IANA time zone.</param>
/// <param name="Readings">Every reading the law declares, as used, in its order.</param>
/// <param name="HigherLaws">The citations of the higher laws stacked above the ordinance.</param>
/// <param name="Conflicts">Provisions of equal rank that conclude differently on the same facts.</param>
/// <param name="HasViolations">Whether any finding is <c>violated</c>.</param>
/// <param name="Findings">The findings, in report order.</param>
/// <param name="Decision">The decision record: what was decided, on what, by which law and engine.</param>
/// <param name="DefaultsApplied">The fields the scenario left out that the evaluation read as their vocabulary's default; empty when none.</param>
public sealed record ReportJson(
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("readings")] ImmutableArray<ReadingJson> Readings,
    [property: JsonPropertyName("higherLaws")] ImmutableArray<string> HigherLaws,
    [property: JsonPropertyName("conflicts")] ImmutableArray<ConflictJson> Conflicts,
    [property: JsonPropertyName("hasViolations")] bool HasViolations,
    [property: JsonPropertyName("findings")] ImmutableArray<FindingJson> Findings,
    [property: JsonPropertyName("decision")] DecisionRecord Decision,
    [property: JsonPropertyName("defaultsApplied")] ImmutableArray<AppliedDefaultJson> DefaultsApplied,
    [property: JsonPropertyName("notes")] string? Notes = null);

/// <summary>A field a scenario left out, read as its vocabulary's default.</summary>
/// <param name="Type">The fact's type.</param>
/// <param name="Id">The fact's id.</param>
/// <param name="Field">The field left out.</param>
/// <param name="Value">The default it took, as the vocabulary writes it: yes, no, none or an enumeration value.</param>
public sealed record AppliedDefaultJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("value")] string Value);

/// <summary>A reading as an evaluation used it.</summary>
/// <param name="Name">The reading's name.</param>
/// <param name="Alternative">The alternative taken.</param>
/// <param name="IsDefault">Whether it is the law's default.</param>
public sealed record ReadingJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("alternative")] string Alternative,
    [property: JsonPropertyName("isDefault")] bool IsDefault);

/// <summary>A fact a finding, exception or conflict binds.</summary>
/// <param name="Variable">The provision's variable, as in its <c>for:</c>.</param>
/// <param name="Type">The fact's type.</param>
/// <param name="Id">The fact's id.</param>
public sealed record FactJson(
    [property: JsonPropertyName("variable")] string Variable,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] string Id);

/// <summary>An exception that held.</summary>
/// <param name="Id">The exception's id.</param>
/// <param name="Section">Its section.</param>
/// <param name="Title">Its title.</param>
/// <param name="Facts">The further facts that made it hold.</param>
public sealed record ExceptionJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("facts")] ImmutableArray<FactJson> Facts);

/// <summary>Two provisions of equal rank that conclude differently on the same facts, with no precedence between them.</summary>
/// <param name="Provision">The provision whose breach or duty the other's permission contradicts.</param>
/// <param name="Citation">Its citation.</param>
/// <param name="OtherProvision">The permission.</param>
/// <param name="OtherCitation">Its citation.</param>
/// <param name="Facts">The facts both bear on.</param>
/// <param name="Description">One sentence naming both.</param>
public sealed record ConflictJson(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("citation")] string Citation,
    [property: JsonPropertyName("otherProvision")] string OtherProvision,
    [property: JsonPropertyName("otherCitation")] string OtherCitation,
    [property: JsonPropertyName("facts")] ImmutableArray<FactJson> Facts,
    [property: JsonPropertyName("description")] string Description);

/// <summary>One finding: a provision's outcome for one set of facts, with its citation and reason.</summary>
/// <param name="Provision">The provision's id.</param>
/// <param name="Citation">Its full citation.</param>
/// <param name="Section">Its section.</param>
/// <param name="Title">Its title.</param>
/// <param name="Modality"><c>prohibition</c>, <c>obligation</c>, <c>permission</c> or <c>non-obligation</c>.</param>
/// <param name="Status"><c>violated</c>, <c>complied</c>, <c>exception-applies</c>, <c>not-applicable</c>, <c>pending</c> or <c>undetermined</c>.</param>
/// <param name="Reason">One sentence saying why.</param>
/// <param name="Facts">The facts the finding binds; empty when nothing falls under the provision.</param>
/// <param name="Exceptions">The exceptions that held.</param>
/// <param name="Unknowns">For an undetermined finding, the unknowns its outcome depends on.</param>
/// <param name="DueAt">When an obligation falls due; omitted when it has no deadline.</param>
/// <param name="DischargedAt">When it was discharged; omitted when it was not.</param>
/// <param name="Text">The provision's wording; omitted where a document leaves it out (comparison cells, what-if).</param>
/// <param name="Origin">For a provision taken from a base ordinance the ordinance extends: the base's citation and section; omitted otherwise.</param>
public sealed record FindingJson(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("citation")] string Citation,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("modality")] string Modality,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("facts")] ImmutableArray<FactJson> Facts,
    [property: JsonPropertyName("exceptions")] ImmutableArray<ExceptionJson> Exceptions,
    [property: JsonPropertyName("unknowns")] ImmutableArray<string> Unknowns,
    [property: JsonPropertyName("dueAt")] DateTimeOffset? DueAt = null,
    [property: JsonPropertyName("dischargedAt")] DateTimeOffset? DischargedAt = null,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("origin")] OriginJson? Origin = null);

/// <summary>Where a provision of an extending ordinance came from.</summary>
/// <param name="Citation">The base ordinance's citation, such as a model ordinance's.</param>
/// <param name="Section">The provision's section in the base.</param>
/// <param name="Replaced">True when the extending ordinance replaced the base's provision with its own text.</param>
public sealed record OriginJson(
    [property: JsonPropertyName("citation")] string Citation,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("replaced")] bool Replaced);

/// <summary>
/// The decision record: enough to prove what was decided on what, without storing the facts (docs/json.md, "Decision
/// record"). Recompute <see cref="InputDigest"/> from the scenario and <see cref="ContentHash"/> from the law's files to check it.
/// </summary>
/// <param name="Ordinance">The ordinance's citation.</param>
/// <param name="ContentHash">The content hash of the law that decided (<c>sha256:</c> and 64 hex digits); omitted for a law built in code.</param>
/// <param name="ToolVersion">The version of the OrdinanceRules library that evaluated.</param>
/// <param name="AsOf">The instant judged at.</param>
/// <param name="Readings">Every reading used, as <c>name=alternative</c>, in the law's order.</param>
/// <param name="InputDigest">The digest of the scenario's facts; omitted for a report not made by an evaluation.</param>
/// <param name="Outcomes">Each finding's provision, fact ids and status, in report order.</param>
public sealed record DecisionRecord(
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("toolVersion")] string ToolVersion,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("readings")] ImmutableArray<string> Readings,
    [property: JsonPropertyName("outcomes")] ImmutableArray<DecisionOutcome> Outcomes,
    [property: JsonPropertyName("contentHash")] string? ContentHash = null,
    [property: JsonPropertyName("inputDigest")] string? InputDigest = null);

/// <summary>One finding's outcome, as a decision record keeps it.</summary>
/// <param name="Provision">The provision's id.</param>
/// <param name="Facts">The ids of the facts it binds, in the provision's variable order.</param>
/// <param name="Status">The status, as in <see cref="FindingJson.Status"/>.</param>
public sealed record DecisionOutcome(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("facts")] ImmutableArray<string> Facts,
    [property: JsonPropertyName("status")] string Status);
