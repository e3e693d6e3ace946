using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// A variable bound to each fact of a type, such as <c>r: request</c>. A provision with several
/// bindings is evaluated for each matching combination of facts, joined in the Rete network.
/// </summary>
/// <param name="Variable">The variable's name, used in conditions.</param>
/// <param name="FactType">The name of the fact type it ranges over.</param>
/// <param name="Location">Where the binding was written.</param>
public sealed record Binding(string Variable, string FactType, SourceLocation? Location = null);
