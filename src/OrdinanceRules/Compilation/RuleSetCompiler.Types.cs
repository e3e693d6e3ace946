using System.Linq.Expressions;

namespace OrdinanceRules.Compilation;

/// <summary>
/// One provision over several fact types (<c>for: { x: [inquiry, record, action] }</c>): the variable's pattern
/// matches a fact of any of them, so the provision keeps one set of rules and reports every finding under its one id.
/// Its conditions are bound once per type and choose by the fact's type at run time (<see cref="Conditions.ConditionSource.Bind"/>).
/// </summary>
internal sealed partial class RuleSetCompiler
{
    /// <summary>The alpha test of a variable's pattern: the fact's type is the variable's, or one of its types.</summary>
    private static Expression OfTypes(Expression typeName, FrameVariable variable) =>
        variable.TypeNames.Select(t => (Expression)Expression.Equal(typeName, Expression.Constant(t))).Aggregate(Expression.OrElse);
}
