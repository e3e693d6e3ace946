namespace OrdinanceRules.Conditions;

/// <summary>
/// A value computed while a scenario is evaluated went out of range (see <see cref="Diagnostics.Limits"/>), such as
/// an instant plus a duration past the last instant. Thrown inside a rule; the evaluator turns it into a located
/// diagnostic naming the provision and the facts, so it never leaves the library.
/// </summary>
internal sealed class ValueOverflowException(string message) : Exception(message)
{
}
