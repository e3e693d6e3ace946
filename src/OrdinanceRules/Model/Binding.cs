using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// A variable bound to each fact of a type, such as <c>r: request</c>. A provision with several
/// bindings is evaluated for each matching combination of facts, joined in the Rete network.
/// </summary>
/// <param name="Variable">The variable's name, used in conditions.</param>
/// <param name="FactType">The name of the fact type it ranges over (the first, when it ranges over several).</param>
/// <param name="Location">Where the binding was written.</param>
/// <remarks>
/// A variable may range over several types (<c>x: [inquiry, record, action]</c>): the provision is then judged for
/// each fact of any of them, under its one id, and its conditions may read of <c>x</c> only what every one of the
/// types has.
/// </remarks>
public sealed record Binding(string Variable, string FactType, SourceLocation? Location = null)
{
    private readonly ImmutableArray<string> _factTypes;

    /// <summary>Every fact type the variable ranges over, in the order written: <see cref="FactType"/> alone unless several are listed.</summary>
    public ImmutableArray<string> FactTypes
    {
        get => _factTypes.IsDefaultOrEmpty ? [FactType] : _factTypes;
        init => _factTypes = value;
    }
}
