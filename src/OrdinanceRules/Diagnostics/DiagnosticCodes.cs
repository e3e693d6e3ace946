namespace OrdinanceRules.Diagnostics;

/// <summary>The stable codes of the core's diagnostics; docs/diagnostics.md explains each.</summary>
public static class DiagnosticCodes
{
    /// <summary>A vocabulary breaks a rule: a bad name, a duplicate, a dangling reference.</summary>
    public const string InvalidVocabulary = "OR1001";

    /// <summary>An extension redeclares a field with another type.</summary>
    public const string VocabularyConflict = "OR1002";

    /// <summary>
    /// An extension adds to a type, field or value the base vocabulary lacks, or re-adds one it has: a field or
    /// value already declared, a new type named like a type of the base, values added to a field that is not an enumeration or set.
    /// </summary>
    public const string VocabularyExtension = "OR1010";

    /// <summary>An ordinance breaks a rule of its model: a duplicate id, a missing citation.</summary>
    public const string InvalidOrdinance = "OR2001";

    /// <summary>A condition's text does not parse.</summary>
    public const string ConditionSyntax = "OR2101";

    /// <summary>A condition names a variable, type or field that does not exist.</summary>
    public const string ConditionUnknownName = "OR2102";

    /// <summary>A condition compares or combines values of the wrong types.</summary>
    public const string ConditionType = "OR2103";

    /// <summary>A condition is too long or too deeply nested.</summary>
    public const string ConditionTooComplex = "OR2104";

    /// <summary>A scenario's fact has an unknown type, an unknown field or a value of the wrong type.</summary>
    public const string InvalidFact = "OR3001";

    /// <summary>A scenario's reference names no fact of the right type.</summary>
    public const string DanglingReference = "OR3002";

    /// <summary>A local time falls in a daylight-saving gap or overlap and no offset was given.</summary>
    public const string AmbiguousLocalTime = "OR3003";

    /// <summary>Two facts share an id.</summary>
    public const string DuplicateFactId = "OR3004";

    /// <summary>A value is outside the range the library handles: an instant, a date, a duration or a number (see <see cref="Limits"/>).</summary>
    public const string ValueOutOfRange = "OR3005";

    /// <summary>An evaluation would exceed a budget: combinations of facts for one provision, or facts × rules (see <see cref="Limits"/>).</summary>
    public const string EvaluationBudget = "OR3101";

    /// <summary>A value computed while evaluating goes out of range, such as an instant plus a duration past the last instant.</summary>
    public const string EvaluationOverflow = "OR3102";

    /// <summary>A condition's literal is out of range: a number, a duration or an instant (see <see cref="Limits"/>).</summary>
    public const string ConditionLiteralRange = "OR2105";

    /// <summary>An ordinance exceeds a limit: provisions, exceptions, variables bound, holidays, rules (see <see cref="Limits"/>).</summary>
    public const string OrdinanceLimit = "OR2106";

    /// <summary>A definition uses itself, directly or through other definitions; the message names the cycle.</summary>
    public const string DefinitionCycle = "OR2107";

    /// <summary>Two versions of one provision are in force over overlapping periods; the message names both and the days they share.</summary>
    public const string VersionOverlap = "OR2108";

    /// <summary>Provisions test one another's findings in a cycle (<c>violated('P1', x)</c> in P2 and the reverse); the message names the cycle.</summary>
    public const string FindingCycle = "OR2110";

    /// <summary>A fault in the library itself, reported rather than thrown: please report it with the input that caused it.</summary>
    public const string InternalError = "OR9001";
}
