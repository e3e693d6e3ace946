using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Model;

/// <summary>
/// An ordinance as data: its jurisdiction, title, number, dates, sections and provisions, and the
/// vocabulary of facts its conditions use. Compile it once with
/// <see cref="OrdinanceCompiler"/> and reuse the result.
/// </summary>
public sealed record Ordinance
{
    /// <summary>The ordinance's title, such as "Protecting Public Safety and Community Resources Act".</summary>
    public required string Title { get; init; }

    /// <summary>The ordinance's number, such as <c>1005</c>.</summary>
    public required string Number { get; init; }

    /// <summary>The jurisdiction that enacted it.</summary>
    public required Jurisdiction Jurisdiction { get; init; }

    /// <summary>The day it was adopted, when known.</summary>
    public DateOnly? AdoptedOn { get; init; }

    /// <summary>The day it took effect, when known (in Kansas, the day of publication unless it names a later one).</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>
    /// When <see cref="EffectiveFrom"/> is unknown: a yes/no condition (it may test a reading) saying whether to
    /// treat the ordinance as in force from adoption. Null or no: events after adoption are Undetermined.
    /// </summary>
    public ConditionText? AssumeInForce { get; init; }

    /// <summary>Later changes, each with its dates and the provisions it affects.</summary>
    public ImmutableArray<Amendment> Amendments { get; init; } = [];

    /// <summary>What is known of the text's source and reliability, shown in reports.</summary>
    public string? Notes { get; init; }

    /// <summary>The interpretive questions the ordinance leaves open, each a switch an evaluation can set.</summary>
    public ImmutableArray<Reading> Readings { get; init; } = [];

    /// <summary>The defined terms: named conditions with parameters, which every condition of the ordinance may use.</summary>
    public ImmutableArray<Definition> Definitions { get; init; } = [];

    /// <summary>
    /// The values the ordinance fixes for every evaluation, which conditions read with <c>param('name')</c>: declared
    /// with defaults by a model ordinance, and set by an ordinance that extends it.
    /// </summary>
    public ImmutableArray<Parameter> Parameters { get; init; } = [];

    /// <summary>
    /// The citations of the ordinances this one extends, nearest first (a city's model, then the model's own base);
    /// empty when it extends none. Its provisions record, in <see cref="Provision.Origin"/>, which base each came from.
    /// </summary>
    public ImmutableArray<string> Extends { get; init; } = [];

    /// <summary>Holiday calendars that business-day deadlines name.</summary>
    public ImmutableArray<HolidayCalendar> Calendars { get; init; } = [];

    /// <summary>The sections, in order.</summary>
    public ImmutableArray<Section> Sections { get; init; } = [];

    /// <summary>The provisions, in order; reports list findings in this order.</summary>
    public required ImmutableArray<Provision> Provisions { get; init; }

    /// <summary>The vocabulary of facts its conditions and scenarios use.</summary>
    public required FactVocabulary Vocabulary { get; init; }

    /// <summary>Where the ordinance was written.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>
    /// What identifies the text the ordinance was read from, as <c>sha256:</c> and 64 lower-case hex digits (docs/json.md,
    /// "Decision record"); null for an ordinance built in code. Reports and decision records carry it, so an audit can prove
    /// which text decided.
    /// </summary>
    public string? ContentHash { get; init; }

    /// <summary>
    /// How the law is cited when that is not "{jurisdiction} Ordinance {number}", such as <c>K.S.A. 12-16,140</c>
    /// or <c>8 U.S.C. § 1373</c>; null for the ordinance form.
    /// </summary>
    public string? CitedAs { get; init; }

    /// <summary>How the ordinance is cited, such as "Roeland Park Ordinance 1005" or "K.S.A. 12-16,140".</summary>
    public string Citation => CitedAs ?? $"{Jurisdiction.Name} Ordinance {Number}";
}
