namespace OrdinanceRules.Evaluation;

/// <summary>
/// A field a scenario left out, which the evaluation read as its vocabulary's default
/// (<see cref="Vocabulary.FieldDefinition.Default"/>) because a condition of the ordinance reads that field.
/// </summary>
/// <param name="FactType">The fact's type, such as <c>action</c>.</param>
/// <param name="FactId">The fact's id.</param>
/// <param name="Field">The field left out.</param>
/// <param name="Value">The default it took.</param>
public sealed record AppliedDefault(string FactType, string FactId, string Field, Vocabulary.FieldDefault Value)
{
    /// <summary>The default as a report says it, such as <c>action act-1: sharesOtherInformation = no</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{FactType} {FactId}: {Field} = {Value}";
}
